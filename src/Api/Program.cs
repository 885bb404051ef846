using IaGenify.Api.Hosting;

var builder = WebApplication.CreateBuilder(ContentRoot.Options(args));
builder.AddIaGenifyApi();
var app = builder.Build();

if (HostCommands.IsCommand(args))
    return await HostCommands.RunAsync(app, args);

if (app.Configuration.GetValue<bool>("Database:MigrateOnStartup"))
    await HostCommands.MigrateAsync(app.Services, app.Lifetime.ApplicationStopping);

app.UseIaGenifyApi();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so that integration tests can host the API.</summary>
public partial class Program;
