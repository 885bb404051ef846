using System.Diagnostics;
using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Api.Tests.Websites;

/// <summary>
/// A published page opened in headless Chromium (Debian's package, installed by scripts/test.sh) from a real Kestrel
/// host on 127.0.0.1: it must load under its own Content-Security-Policy without console errors, show the generated
/// text, and contain no script, even when the prompt and the edits carried some.
/// </summary>
public sealed class BrowserTests(ApiFixture fixture) : WebsiteTestBase(fixture)
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task A_published_page_loads_in_chromium_without_console_errors_and_without_injected_script()
    {
        Assert.True(File.Exists(Chromium),
            $"Chromium is required for the rendering tests and was not found at {Chromium}; scripts/test.sh installs it with apt-get (package chromium).");
        var team = await CreateTeamAsync();
        var id = await CreateGeneratedWebsiteAsync(team, name: "Browser Bakery",
            prompt: "\"Browser Bakery\" <script>document.title='pwned'</script> sourdough and croissants");
        var website = await WebsiteAsync(team.Member.Client, team.WorkspaceId, id);
        var about = FirstSection(website, "about").Id;
        await (await team.Member.Client.PatchAsJsonAsync(Url(team.WorkspaceId, $"/{id}/sections/{about}"),
            new { props = new { heading = "Our story <img src=x onerror=\"document.body.dataset.pwned=1\">", body = "Baked <b>daily</b>." } })).ShouldBe(200);
        await (await team.Member.Client.PostAsync(Url(team.WorkspaceId, $"/{id}/publish"), null)).ShouldBe(200);
        var slug = website.Slug;

        await using var server = new ApiFactory(Fixture.ConnectionString);
        server.UseKestrel(0);
        server.StartServer();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => a.StartsWith("http://", StringComparison.Ordinal)).Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1");
        var url = $"{address.TrimEnd('/')}/sites/{slug}/";

        var profile = Directory.CreateTempSubdirectory("iagenify-chromium-");
        try
        {
            var screenshot = Path.Combine(profile.FullName, "page.png");
            var (dom, log) = await RunChromiumAsync(profile.FullName, "--dump-dom", url);
            await RunChromiumAsync(profile.FullName, $"--screenshot={screenshot}", "--window-size=1280,900", url);

            Assert.Contains("Welcome to Browser Bakery", dom);
            Assert.Contains("Our story &lt;img src=x", dom);
            Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=\"x\"", dom, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("data-pwned", dom);
            Assert.DoesNotContain("<title>pwned", dom);
            var consoleProblems = log.Split('\n').Where(l => l.Contains("CONSOLE", StringComparison.Ordinal)
                || l.Contains("Refused to", StringComparison.Ordinal) || l.Contains("Content Security Policy", StringComparison.Ordinal)).ToList();
            Assert.True(consoleProblems.Count == 0, "Console errors:\n" + string.Join("\n", consoleProblems));
            Assert.True(new FileInfo(screenshot).Length > 10_000, "The screenshot is missing or blank.");
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private static async Task<(string Stdout, string Stderr)> RunChromiumAsync(string profile, params string[] arguments)
    {
        var start = new ProcessStartInfo(Chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
                     $"--user-data-dir={profile}",
                 }.Concat(arguments))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("Chromium did not finish within 90 seconds.");
        }
        return (await stdout, await stderr);
    }
}
