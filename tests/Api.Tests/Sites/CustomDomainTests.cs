using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Api.Tests.Websites;
using IaGenify.Application.Websites.Domains;
using IaGenify.Domain.Websites.Domains;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IaGenify.Api.Tests.Sites;

/// <summary>Custom domains as a customer meets them: proved through DNS, then serving the site at their own address.</summary>
public sealed class CustomDomainTests : WebsiteTestBase, IClassFixture<DomainFixture>
{
    private readonly DomainFixture _domains;
    private readonly ApiFactory _factory;

    public CustomDomainTests(ApiFixture fixture, DomainFixture domains) : base(fixture)
    {
        _domains = domains;
        _factory = domains.FactoryFor(fixture);
        _factory.Clock.Reset();
    }

    protected override ApiFactory Factory => _factory;

    private static string Domains(Guid workspaceId, Guid websiteId, string rest = "") =>
        $"/api/v1/workspaces/{workspaceId}/websites/{websiteId}/domains{rest}";

    private async Task<(Team Team, Guid WebsiteId)> PublishedSiteOnPaidPlanAsync(string name = "Pain Doré")
    {
        var team = await CreateTeamAsync();
        var websiteId = await CreateGeneratedWebsiteAsync(team, name);
        await (await team.Member.Client.PostAsync(Url(team.WorkspaceId, $"/{websiteId}/publish"), null)).ShouldBe(200);
        await SubscribeToPlanAsync(team.WorkspaceId);
        return (team, websiteId);
    }

    [Fact]
    public async Task A_domain_serves_the_site_only_once_its_TXT_record_is_found_and_the_slug_address_then_redirects_to_it()
    {
        var (team, websiteId) = await PublishedSiteOnPaidPlanAsync();
        var added = await team.Member.Client.PostAsJsonAsync(Domains(team.WorkspaceId, websiteId), new { hostname = "Shop.Example." });
        await added.ShouldBe(201);
        var domain = await added.ReadAsync<CustomDomainDto>();
        Assert.Equal(("shop.example", DomainStatus.Pending, false), (domain.Hostname, domain.Status, domain.Primary));
        var verification = domain.Verification;
        Assert.Equal(("TXT", "_iagenify.shop.example"), (verification.Type, verification.Name));
        var value = verification.Value;
        var domainId = domain.Id;

        await (await team.Member.Client.PostAsync(Domains(team.WorkspaceId, websiteId, $"/{domainId}/verify"), null))
            .ShouldBeProblem(409, "domain.not_verified");
        await (await Anonymous().GetAsync("http://shop.example/")).ShouldBe(404);
        await (await Anonymous().GetAsync("/internal/domains/allowed?domain=shop.example")).ShouldBe(404);

        await _domains.Dns.SetRecordsAsync(("_iagenify.shop.example", "unrelated"), ("_iagenify.shop.example", value));
        var verified = await team.Member.Client.PostAsync(Domains(team.WorkspaceId, websiteId, $"/{domainId}/verify"), null);
        await verified.ShouldBe(200);
        var body = await verified.ReadAsync<CustomDomainDto>();
        Assert.Equal((DomainStatus.Verified, true), (body.Status, body.Primary));

        var home = await Anonymous().GetAsync("http://shop.example/");
        await home.ShouldBe(200);
        var html = await home.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Welcome to Pain Doré</h1>", html);
        Assert.Contains("href=\"/about\"", html);
        Assert.DoesNotContain("/sites/pain-dore", html);
        Assert.Contains("<title>About Pain Doré", await (await Anonymous().GetAsync("http://shop.example/about")).Content.ReadAsStringAsync());

        var noRedirects = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var slugAddress = await noRedirects.GetAsync("/sites/pain-dore/about?ref=x");
        Assert.Equal(301, (int)slugAddress.StatusCode);
        Assert.Equal("http://shop.example/about?ref=x", slugAddress.Headers.Location!.ToString());
        var www = await noRedirects.GetAsync("http://www.shop.example/about");
        Assert.Equal(301, (int)www.StatusCode);
        Assert.Equal("http://shop.example/about", www.Headers.Location!.ToString());
        await (await Anonymous().GetAsync("/internal/domains/allowed?domain=shop.example")).ShouldBe(200);
        await (await Anonymous().GetAsync("/internal/domains/allowed?domain=www.shop.example")).ShouldBe(200);
        await (await Anonymous().GetAsync("/internal/domains/allowed?domain=other.example")).ShouldBe(404);

        var contact = await noRedirects.PostAsync("http://shop.example/contact", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "Ada", ["email"] = "ada@example.com", ["message"] = "Do you bake on Sundays?",
        }));
        Assert.Equal(303, (int)contact.StatusCode);
        await (await Anonymous().GetAsync(new Uri(new Uri("http://shop.example/"), contact.Headers.Location!))).ShouldBe(200);

        var list = await (await team.Viewer.Client.GetAsync(Domains(team.WorkspaceId, websiteId))).ReadAsync<CustomDomainListDto>();
        Assert.Equal("shop.example", Assert.Single(list.Items).Hostname);

        await (await team.Member.Client.DeleteAsync(Domains(team.WorkspaceId, websiteId, $"/{domainId}"))).ShouldBe(204);
        await (await Anonymous().GetAsync("http://shop.example/")).ShouldBe(404);
        await (await Anonymous().GetAsync("/sites/pain-dore/about")).ShouldBe(200);
    }

    [Fact]
    public async Task A_deleted_workspace_s_domains_neither_redirect_nor_get_certificates()
    {
        var (team, websiteId) = await PublishedSiteOnPaidPlanAsync("Gone Bakery");
        var domain = await (await team.Member.Client.PostAsJsonAsync(Domains(team.WorkspaceId, websiteId), new { hostname = "gone.example" }))
            .ReadAsync<CustomDomainDto>();
        await _domains.Dns.SetRecordsAsync((domain.Verification.Name, domain.Verification.Value));
        await (await team.Member.Client.PostAsync(Domains(team.WorkspaceId, websiteId, $"/{domain.Id}/verify"), null)).ShouldBe(200);
        var noRedirects = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(301, (int)(await noRedirects.GetAsync("/sites/gone-bakery")).StatusCode);

        await (await team.Owner.Client.DeleteAsync($"/api/v1/workspaces/{team.WorkspaceId}")).ShouldBe(204);

        await (await noRedirects.GetAsync("/sites/gone-bakery")).ShouldBe(404);
        await (await Anonymous().GetAsync("http://gone.example/")).ShouldBe(404);
        await (await Anonymous().GetAsync("/internal/domains/allowed?domain=gone.example")).ShouldBe(404);
        await (await Anonymous().GetAsync("/internal/domains/allowed?domain=www.gone.example")).ShouldBe(404);
    }

    [Fact]
    public async Task An_unknown_host_is_404_and_a_host_name_never_reaches_another_tenants_site()
    {
        var (a, siteA) = await PublishedSiteOnPaidPlanAsync("Alpha Shop");
        var (b, siteB) = await PublishedSiteOnPaidPlanAsync("Beta Shop");
        var domain = await (await a.Member.Client.PostAsJsonAsync(Domains(a.WorkspaceId, siteA), new { hostname = "alpha.example" })).ReadAsync<CustomDomainDto>();
        await _domains.Dns.SetRecordsAsync(("_iagenify.alpha.example", domain.Verification.Value));
        await (await a.Member.Client.PostAsync(Domains(a.WorkspaceId, siteA, $"/{domain.Id}/verify"), null)).ShouldBe(200);

        // B cannot take A's host name, nor verify a pending one of its own without DNS.
        await (await b.Member.Client.PostAsJsonAsync(Domains(b.WorkspaceId, siteB), new { hostname = "ALPHA.example" }))
            .ShouldBeProblem(409, "domain.taken");
        var pending = await (await b.Member.Client.PostAsJsonAsync(Domains(b.WorkspaceId, siteB), new { hostname = "beta.example" })).ReadAsync<CustomDomainDto>();
        await (await b.Member.Client.PostAsync(Domains(b.WorkspaceId, siteB, $"/{pending.Id}/verify"), null))
            .ShouldBeProblem(409, "domain.not_verified");

        Assert.Contains("Alpha Shop", await (await Anonymous().GetAsync("http://alpha.example/")).Content.ReadAsStringAsync());
        await (await Anonymous().GetAsync("http://beta.example/")).ShouldBe(404);
        await (await Anonymous().GetAsync("http://evil.example/sites/beta-shop/")).ShouldBe(404);
        await (await Anonymous().GetAsync("http://evil.example/api/v1/plans")).ShouldBe(404);
        await (await Anonymous().GetAsync("/sites/beta-shop/")).ShouldBe(200);
    }

    [Fact]
    public async Task Host_names_are_normalized_and_checked_and_the_routes_keep_to_roles_and_tenants()
    {
        var (team, websiteId) = await PublishedSiteOnPaidPlanAsync();
        var url = Domains(team.WorkspaceId, websiteId);

        var idn = await (await team.Member.Client.PostAsJsonAsync(url, new { hostname = "Bücher.Example" })).ReadAsync<CustomDomainDto>();
        Assert.Equal("xn--bcher-kva.example", idn.Hostname);
        foreach (var platformHost in new[] { "app.iagenify.test", "shop.app.iagenify.test" })
            await (await team.Member.Client.PostAsJsonAsync(url, new { hostname = platformHost })).ShouldBeProblem(400);
        foreach (var invalid in new[] { "localhost", "127.0.0.1", "exa mple.com", "-bad.example", "", "a.123", new string('a', 64) + ".example" })
            await (await team.Member.Client.PostAsJsonAsync(url, new { hostname = invalid })).ShouldBeProblem(400);
        await (await team.Viewer.Client.PostAsJsonAsync(url, new { hostname = "viewer.example" })).ShouldBeProblem(403);

        var other = await CreateTeamAsync();
        var domainId = idn.Id;
        await (await other.Owner.Client.GetAsync(Domains(team.WorkspaceId, websiteId))).ShouldBeProblem(404);
        await (await other.Owner.Client.PostAsJsonAsync(url, new { hostname = "x.example" })).ShouldBeProblem(404);
        await (await other.Owner.Client.PostAsync(Domains(team.WorkspaceId, websiteId, $"/{domainId}/verify"), null)).ShouldBeProblem(404);
        await (await other.Owner.Client.DeleteAsync(Domains(team.WorkspaceId, websiteId, $"/{domainId}"))).ShouldBeProblem(404);
        // Another workspace's website id under one's own workspace is just as unknown.
        var otherSite = await CreateGeneratedWebsiteAsync(other, "Other Site");
        await (await team.Member.Client.GetAsync(Domains(team.WorkspaceId, otherSite))).ShouldBeProblem(404);
    }

    [Fact]
    public async Task An_internationalized_host_name_typed_with_capitals_is_stored_as_browsers_send_it_and_is_taken_once()
    {
        var (a, siteA) = await PublishedSiteOnPaidPlanAsync("Alpha Mill");
        var (b, siteB) = await PublishedSiteOnPaidPlanAsync("Beta Mill");

        // Browsers map "Ölmühle.example" to lower case before punycode, so that is the name their Host header carries.
        var added = await a.Member.Client.PostAsJsonAsync(Domains(a.WorkspaceId, siteA), new { hostname = "Ölmühle.Example" });
        await added.ShouldBe(201);
        var domain = await added.ReadAsync<CustomDomainDto>();
        Assert.Equal(("xn--lmhle-iua8b.example", "_iagenify.xn--lmhle-iua8b.example"), (domain.Hostname, domain.Verification.Name));

        await (await b.Member.Client.PostAsJsonAsync(Domains(b.WorkspaceId, siteB), new { hostname = "ÖLMÜHLE.example" }))
            .ShouldBeProblem(409, "domain.taken");

        await _domains.Dns.SetRecordsAsync((domain.Verification.Name, domain.Verification.Value));
        await (await a.Member.Client.PostAsync(Domains(a.WorkspaceId, siteA, $"/{domain.Id}/verify"), null)).ShouldBe(200);
        Assert.Contains("Alpha Mill", await (await Anonymous().GetAsync("http://xn--lmhle-iua8b.example/")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_host_name_whose_TXT_record_name_would_exceed_DNS_limits_is_refused_and_never_breaks_verification()
    {
        var (team, websiteId) = await PublishedSiteOnPaidPlanAsync();
        var url = Domains(team.WorkspaceId, websiteId);
        // "_iagenify." plus the host name must itself be a DNS name (at most 253 characters).
        static string HostOfLength(int length)
        {
            var labels = string.Join('.', Enumerable.Repeat(new string('a', 60), 3));
            return $"{labels}.{new string('b', length - labels.Length - 1 - ".example".Length)}.example";
        }

        await (await team.Member.Client.PostAsJsonAsync(url, new { hostname = HostOfLength(244) })).ShouldBeProblem(400);
        await (await team.Member.Client.PostAsJsonAsync(url, new { hostname = HostOfLength(253) })).ShouldBeProblem(400);

        var longest = await team.Member.Client.PostAsJsonAsync(url, new { hostname = HostOfLength(243) });
        await longest.ShouldBe(201);
        var domain = await longest.ReadAsync<CustomDomainDto>();
        Assert.Equal(253, domain.Verification.Name.Length);
        await (await team.Member.Client.PostAsync(Domains(team.WorkspaceId, websiteId, $"/{domain.Id}/verify"), null))
            .ShouldBeProblem(409, "domain.not_verified");

        // A name stored before this rule existed cannot be looked up either: not verified, never a 500.
        await ScalarAsync<int>("UPDATE custom_domains SET hostname = @hostname WHERE id = @id RETURNING 1",
            ("hostname", HostOfLength(250)), ("id", domain.Id));
        await (await team.Member.Client.PostAsync(Domains(team.WorkspaceId, websiteId, $"/{domain.Id}/verify"), null))
            .ShouldBeProblem(409, "domain.not_verified");
    }

    [Fact]
    public async Task A_host_name_added_by_several_requests_at_once_is_connected_once_and_the_others_are_told_it_is_taken()
    {
        var (a, siteA) = await PublishedSiteOnPaidPlanAsync("Race One");
        var (b, siteB) = await PublishedSiteOnPaidPlanAsync("Race Two");
        var requests = Enumerable.Range(0, 8).Select(i => i % 2 == 0
            ? a.Member.Client.PostAsJsonAsync(Domains(a.WorkspaceId, siteA), new { hostname = "race.example" })
            : b.Member.Client.PostAsJsonAsync(Domains(b.WorkspaceId, siteB), new { hostname = "race.example" }));

        var responses = await Task.WhenAll(requests);

        Assert.Single(responses, r => (int)r.StatusCode == 201);
        foreach (var refused in responses.Where(r => (int)r.StatusCode != 201))
            await refused.ShouldBeProblem(409, "domain.taken");
    }

    [Fact]
    public async Task Domains_made_primary_at_the_same_moment_leave_exactly_one_primary()
    {
        var (team, websiteId) = await PublishedSiteOnPaidPlanAsync("Prime Time");
        var ids = new List<Guid>();
        foreach (var hostname in new[] { "one.example", "two.example", "three.example", "four.example" })
        {
            var domain = await (await team.Member.Client.PostAsJsonAsync(Domains(team.WorkspaceId, websiteId), new { hostname }))
                .ReadAsync<CustomDomainDto>();
            await _domains.Dns.SetRecordsAsync((domain.Verification.Name, domain.Verification.Value));
            await (await team.Member.Client.PostAsync(Domains(team.WorkspaceId, websiteId, $"/{domain.Id}/verify"), null)).ShouldBe(200);
            ids.Add(domain.Id);
        }

        for (var round = 0; round < 5; round++)
        {
            var responses = await Task.WhenAll(ids.Skip(1).Select(id =>
                team.Member.Client.PostAsync(Domains(team.WorkspaceId, websiteId, $"/{id}/primary"), null)));
            Assert.All(responses, r => Assert.Contains((int)r.StatusCode, new[] { 200, 409 }));
            var list = await (await team.Viewer.Client.GetAsync(Domains(team.WorkspaceId, websiteId))).ReadAsync<CustomDomainListDto>();
            Assert.Single(list.Items, d => d.Primary);
        }
    }

    [Fact]
    public async Task A_plan_without_custom_domains_is_402()
    {
        var team = await CreateTeamAsync();
        var websiteId = await CreateGeneratedWebsiteAsync(team);

        var refused = await team.Member.Client.PostAsJsonAsync(Domains(team.WorkspaceId, websiteId), new { hostname = "shop.example" });

        var problem = await refused.ShouldBeProblem(402, "plan_feature_unavailable");
        Assert.Equal("customDomain", problem.Entitlement);
    }
}
