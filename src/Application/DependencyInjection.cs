using FluentValidation;
using IaGenify.Application.Analytics;
using IaGenify.Application.AiTools;
using IaGenify.Application.Assistant;
using IaGenify.Application.ApiKeys;
using IaGenify.Application.Billing;
using IaGenify.Application.Assets;
using IaGenify.Application.Common.Behaviors;
using IaGenify.Application.Common.Idempotency;
using IaGenify.Application.Common.Observability;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Credits;
using IaGenify.Application.Credits.Commands;
using IaGenify.Application.Credits.Export;
using IaGenify.Application.Exports;
using IaGenify.Application.Generations;
using IaGenify.Application.Identity;
using IaGenify.Application.Mailbox;
using IaGenify.Application.Websites;
using IaGenify.Application.Workspaces;
using IaGenify.Application.Workspaces.Purge;
using Mapster;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Application;

public static class DependencyInjection
{
    /// <summary>
    /// The one place where MediatR 5.1.0 is wired (it has no AddMediatR): the mediator resolves handlers and
    /// behaviors from the current scope through <see cref="ServiceFactory"/>; behaviors run in the order
    /// <see cref="PipelinePlans"/> gives, the first being the outermost: logging, authorization, validation, idempotency.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        var assembly = typeof(DependencyInjection).Assembly;

        // The behaviors are registered as themselves; PipelinePlans puts together, once per request type, the ones
        // that have something to do for it.
        services.AddSingleton<PipelinePlans>();
        services.AddScoped<ServiceFactory>(provider =>
        {
            var plans = provider.GetRequiredService<PipelinePlans>();
            return type => plans.Resolve(provider, type)!;
        });
        services.AddScoped<IMediator, Mediator>();
        services.AddScoped(typeof(LoggingBehavior<,>));
        services.AddScoped(typeof(AuthorizationBehavior<,>));
        services.AddScoped(typeof(ValidationBehavior<,>));
        services.AddScoped(typeof(IdempotencyBehavior<,>));
        foreach (var (service, implementation) in HandlerTypes(assembly))
            services.AddScoped(service, implementation);

        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton, includeInternalTypes: true);

        var mappings = new TypeAdapterConfig();
        mappings.Scan(assembly);
        mappings.Compile();
        services.AddSingleton(mappings);

        services.AddScoped<RequestContext>();
        services.AddScoped<IdempotencyContext>();
        services.AddScoped<ApiKeyAuthenticator>();
        services.AddMetrics();
        services.AddSingleton<IaGenifyMetrics>();
        services.AddScoped<AuthSessions>();
        services.AddScoped<AccountEmails>();
        services.AddScoped<AccountEraser>();
        services.AddAccountSecurity();
        services.AddExports(configuration);
        services.AddWorkspacePurge(configuration);
        services.Configure<IdentityOptions>(configuration.GetSection(IdentityOptions.Section));
        services.Configure<PlatformOptions>(configuration.GetSection(PlatformOptions.Section));
        services.Configure<CreditOptions>(configuration.GetSection(CreditOptions.Section));
        services.AddSingleton<PriceList>();
        services.AddScoped<SupportCreditWrites>();
        services.AddExportContributor<CreditsExportContributor>();
        services.AddWorkspaceSetupStep<WelcomeCredits>();
        services.AddWorkspaces();
        services.AddBilling(configuration);
        services.AddGenerations(configuration);
        services.AddWebsites();
        services.AddAssets();
        services.AddAnalytics(configuration);
        services.AddMailbox(configuration);
        services.AddAiTools();
        services.AddAssistant(configuration);
        return services;
    }

    private static IEnumerable<(Type Service, Type Implementation)> HandlerTypes(System.Reflection.Assembly assembly) =>
        from type in assembly.GetTypes()
        where type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
        from service in type.GetInterfaces()
        where service.IsGenericType
              && (service.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)
                  || service.GetGenericTypeDefinition() == typeof(INotificationHandler<>))
        select (service, type);
}
