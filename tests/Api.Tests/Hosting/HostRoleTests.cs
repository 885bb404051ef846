using IaGenify.Api.Tests.Support;
using IaGenify.Application.Credits;
using IaGenify.Application.Exports;
using IaGenify.Application.Generations;
using IaGenify.Application.Workspaces.Purge;
using IaGenify.Infrastructure.Idempotency;
using IaGenify.Infrastructure.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IaGenify.Api.Tests.Hosting;

public sealed class HostRoleTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public void An_api_replica_runs_no_background_work()
    {
        using var api = new ApiFactory(Fixture.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Role"] = "api",
            // Switched on explicitly, to show that the role wins.
            ["Generations:RunWorkers"] = "true",
            ["Credits:RunSweeper"] = "true",
            ["Workspaces:Purge:WorkerEnabled"] = "true",
        });
        var services = api.Services;

        Assert.False(services.GetRequiredService<IOptions<GenerationOptions>>().Value.RunWorkers);
        Assert.False(services.GetRequiredService<IOptions<WebhookOptions>>().Value.DispatcherEnabled);
        Assert.False(services.GetRequiredService<IOptions<ExportOptions>>().Value.WorkerEnabled);
        Assert.False(services.GetRequiredService<IOptions<WorkspacePurgeOptions>>().Value.WorkerEnabled);
        Assert.False(services.GetRequiredService<IOptions<IdempotencyOptions>>().Value.SweeperEnabled);
        Assert.False(services.GetRequiredService<IConfiguration>().GetValue("Credits:RunSweeper", true));
    }

    [Fact]
    public void An_unknown_role_stops_the_host()
    {
        using var wrong = new ApiFactory(Fixture.ConnectionString, settings: new Dictionary<string, string?> { ["Role"] = "janitor" });
        Assert.Contains("janitor", Assert.ThrowsAny<Exception>(() => wrong.CreateClient()).ToString());
    }
}
