using IaGenify.Infrastructure.Persistence;
using IaGenify.Infrastructure.Persistence.Seeding;

namespace IaGenify.Api.Hosting;

/// <summary>
/// One-shot commands of the API binary: <c>migrate</c> applies migrations; <c>seed-demo</c> migrates, then
/// creates the demo user (<c>Demo:Email</c>, <c>Demo:Password</c>) and workspace if they do not exist.
/// </summary>
internal static class HostCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "migrate" or "seed-demo";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await MigrateAsync(app.Services, cancel.Token);
        if (args[0] != "seed-demo")
            return 0;

        var email = app.Configuration["Demo:Email"] ?? "demo@iagenify.local";
        var password = app.Configuration["Demo:Password"];
        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync("seed-demo needs Demo:Password (environment variable Demo__Password).");
            return 2;
        }
        var account = await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(email, password, cancel.Token);
        Console.WriteLine(account.Created
            ? $"Demo user {account.Email} and workspace \"{DemoSeeder.WorkspaceName}\" created."
            : $"Demo user {account.Email} already exists.");
        return 0;
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
    }
}
