using System.Security.Cryptography;
using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Email;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Workspaces.Ports;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity.Ports;
using IaGenify.Infrastructure.AccessControl;
using IaGenify.Infrastructure.Analytics;
using IaGenify.Infrastructure.Assistant;
using IaGenify.Infrastructure.Auditing;
using IaGenify.Infrastructure.Billing;
using IaGenify.Infrastructure.Credits;
using IaGenify.Infrastructure.Email;
using IaGenify.Infrastructure.Mailbox;
using IaGenify.Infrastructure.Generations;
using IaGenify.Infrastructure.Generations.Offline;
using IaGenify.Infrastructure.Lifecycle;
using IaGenify.Infrastructure.Persistence;
using IaGenify.Infrastructure.Persistence.Seeding;
using IaGenify.Infrastructure.Redis;
using IaGenify.Infrastructure.Security;
using IaGenify.Infrastructure.Security.Revocations;
using IaGenify.Infrastructure.Webhooks;
using IaGenify.Infrastructure.Storage;
using IaGenify.Infrastructure.Websites;
using IaGenify.Infrastructure.Websites.Offline;
using IaGenify.Infrastructure.Websites.PreviewLinks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IaGenify.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment)
    {
        services.AddSingleton(TimeProvider.System);

        // Read when first resolved, so hosts and tests can override configuration up to the last moment.
        services.AddSingleton(provider =>
        {
            var connectionString = provider.GetRequiredService<IConfiguration>().GetConnectionString("Default")
                ?? throw new InvalidOperationException("ConnectionStrings:Default is not configured.");
            return DataSources.Create(connectionString);
        });
        services.AddPooledDbContextFactory<AppDbContext>((provider, options) => options
            .UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>())
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(provider.GetRequiredService<SiteChangeInterceptor>(),
                provider.GetRequiredService<AccessRevocationInterceptor>()));
        // Each scope rents a pooled context and binds it to the scope's request context (tenant filter). This is the
        // context's only registration, so the container returns it to the pool exactly once; everything else that
        // needs it (the unit of work) wraps it without owning it. See docs/decisions.md, "One owner per pooled context".
        services.AddScoped(provider =>
        {
            var db = provider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
            db.BindTo(provider.GetRequiredService<RequestContext>());
            provider.GetRequiredService<ScopedDbContext>().Rented(db);
            return db;
        });
        services.AddScoped<ScopedDbContext>();
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped(typeof(IRepository<>), typeof(EfRepository<>));
        services.AddScoped<IWorkspaceAccessReader, WorkspaceAccessReader>();
        services.AddScoped<IWorkspaceDetails, WorkspaceDetails>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<DatabaseMigrator>();
        services.AddSingleton<SchemaStatus>();
        services.AddSingleton<DemoSeeder>();

        services.Configure<PasswordHasherOptions>(configuration.GetSection("Identity:PasswordHasher"));
        services.AddSingleton<IPasswordHasher, PasswordHasher>();
        services.AddOptions<JwtOptions>().Bind(configuration.GetSection(JwtOptions.Section))
            .PostConfigure<IConfiguration>((jwt, settings) => jwt.SigningKey ??= DevelopmentSigningKey(environment, settings))
            .Validate(jwt => jwt.HasValidSigningKey, "Jwt:SigningKey must be base64 of at least 32 random bytes " +
                "(required in Production, and on every replica when several run: Redis:Connection or Cluster:Replicas > 1).")
            .ValidateOnStart();
        services.AddSingleton<IAccessTokenIssuer, JwtAccessTokenIssuer>();
        AddAccessRevocations(services, configuration);
        services.AddSharedState(configuration);
        services.AddSingleton<ITotpAuthenticator, OtpNetTotpAuthenticator>();
        services.AddSingleton<IMfaSecretProtector, MfaSecretProtector>();

        AddEmail(services, configuration, environment);
        services.AddCredits(configuration);
        services.AddAccessControl(configuration);
        services.AddWebhooks(configuration, environment);
        services.AddObjectStorage(configuration);
        services.AddDataLifecycle();
        services.AddBillingInfrastructure(configuration);
        services.AddGenerationEngine(configuration);
        services.AddOfflineAnswer<OfflineWebsiteAnswer>();
        services.AddAnalyticsInfrastructure();
        services.AddCustomDomains(configuration);
        services.AddPreviewLinks(configuration);
        services.AddAssistantModel();
        services.AddMailboxInfrastructure();
        return services;
    }

    /// <summary>Revoked sessions and users refuse their access tokens on every replica; see docs/decisions.md.</summary>
    private static void AddAccessRevocations(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AccessRevocationOptions>(configuration.GetSection(AccessRevocationOptions.Section));
        services.AddSingleton<AccessRevocationSet>();
        services.AddSingleton<IAccessRevocations>(provider => provider.GetRequiredService<AccessRevocationSet>());
        services.AddSingleton<AccessRevocationInterceptor>();
        services.AddHostedService<AccessRevocationListener>();
    }

    private static void AddEmail(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<CapturingEmailSender>();
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<LogOnlyEmailSender>();
        services.AddScoped<IEmailOutbox, EmailOutbox>();
        services.AddSingleton<EmailOutboxDispatcher>();
        services.AddHostedService<EmailOutboxWorker>();
        services.AddSingleton<IEmailSender>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<EmailOptions>>().Value;
            var chosen = options.Provider ?? (environment.IsProduction() ? EmailProvider.Log : EmailProvider.Capture);
            return chosen switch
            {
                EmailProvider.Capture => provider.GetRequiredService<CapturingEmailSender>(),
                EmailProvider.Smtp when string.IsNullOrWhiteSpace(options.SmtpHost)
                    => throw new InvalidOperationException("Email:Provider is Smtp but Email:SmtpHost is not set."),
                EmailProvider.Smtp => provider.GetRequiredService<SmtpEmailSender>(),
                _ => provider.GetRequiredService<LogOnlyEmailSender>(),
            };
        });
    }

    /// <summary>
    /// Outside Production a missing key is replaced by a random one for the life of the process (tokens do not
    /// survive a restart). Production, and any process among several replicas, refuses to start without one.
    /// </summary>
    private static string? DevelopmentSigningKey(IHostEnvironment environment, IConfiguration configuration) =>
        ProcessLocalSecrets.Allowed(environment, configuration) ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) : null;
}
