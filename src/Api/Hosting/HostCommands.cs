using System.Globalization;
using IaGenify.Application.Billing.Commands.ReconcileStripeEvents;
using IaGenify.Application.Common.Security;
using IaGenify.Infrastructure.Persistence;
using IaGenify.Infrastructure.Persistence.Seeding;
using MediatR;

namespace IaGenify.Api.Hosting;

/// <summary>
/// One-shot commands of the API binary: <c>migrate</c> applies migrations; <c>seed-demo</c> migrates, then
/// creates the demo user (<c>Demo:Email</c>, <c>Demo:Password</c>) and workspace if they do not exist;
/// <c>reconcile-stripe [since]</c> processes the recent Stripe events the webhook missed (schedule it, e.g. hourly).
/// </summary>
internal static class HostCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "migrate" or "seed-demo" or "reconcile-stripe";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await MigrateAsync(app.Services, cancel.Token);
        if (args[0] == "reconcile-stripe")
            return await ReconcileStripeAsync(app.Services, args, cancel.Token);
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

    private static async Task<int> ReconcileStripeAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        DateTimeOffset? since = null;
        if (args.Length > 1)
        {
            if (!DateTimeOffset.TryParse(args[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                await Console.Error.WriteLineAsync("reconcile-stripe takes an optional ISO-8601 time to start from.");
                return 2;
            }
            since = parsed;
        }
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().Principal = Principal.System;
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ReconcileStripeEvents(since), cancellationToken);
        Console.WriteLine($"Stripe events since {result.Since:O}: {result.Listed} listed, {result.AlreadyKnown} already processed, " +
                          $"{result.Processed} processed now, {result.Failed} failed.");
        return result.Failed == 0 ? 0 : 1;
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
    }
}
