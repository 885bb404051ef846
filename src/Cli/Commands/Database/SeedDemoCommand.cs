using System.CommandLine;
using IaGenify.Infrastructure.Persistence.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Cli.Commands.Database;

/// <summary>Creates the demo user and workspace through the regular requests (<see cref="DemoSeeder"/>); idempotent.</summary>
internal sealed class SeedDemoCommand : ICliCommand
{
    private readonly Option<string> _email = CliOptions.Text("--email", "Demo user's email (default: Demo__Email, else demo@iagenify.local)", "email");
    private readonly Option<string> _password = CliOptions.Text("--password", "Demo user's password (default: Demo__Password)", "password");

    public string Name => "seed-demo";
    public string Summary => "Create the demo user and workspace unless they exist (run migrate first).";
    public IReadOnlyList<Option> Options => [_email, _password];

    public async Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var email = invocation.Value(_email) ?? invocation.Configuration["Demo:Email"] ?? "demo@iagenify.local";
        var password = invocation.Value(_password) ?? invocation.Configuration["Demo:Password"];
        if (string.IsNullOrEmpty(password))
            throw new CliUsageException("A password is needed: --password or the Demo__Password environment variable.");

        var account = await invocation.Progress.RunAsync("Seeding the demo workspace",
            () => invocation.Services.GetRequiredService<DemoSeeder>().SeedAsync(email, password, cancellationToken));
        await invocation.Out.WriteLineAsync(account.Created
            ? $"Demo user {account.Email} and workspace \"{DemoSeeder.WorkspaceName}\" created."
            : $"Demo user {account.Email} already exists; nothing changed.");
        return ExitCodes.Success;
    }
}
