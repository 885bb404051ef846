using System.Text.Json;
using System.Text.Json.Serialization;
using IaGenify.Api.AiTools;
using IaGenify.Api.DevPages;
using IaGenify.Api.Endpoints;
using IaGenify.Api.Errors;
using IaGenify.Api.Http;
using IaGenify.Api.Json;
using IaGenify.Api.Security;
using IaGenify.Api.Sites;
using IaGenify.Application;
using IaGenify.Infrastructure;

namespace IaGenify.Api.Hosting;

internal static class ApiSetup
{
    public static WebApplicationBuilder AddIaGenifyApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        // Scopes carry the trace and correlation ids, so every line can be tied to its request.
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }
        else
        {
            builder.Logging.AddSimpleConsole(o => o.IncludeScopes = true);
        }

        // The largest body any endpoint accepts; each endpoint's own limit is applied by RequestBodyLimitMiddleware.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = configuration.GetValue("Http:MaxUploadBytes", 11_534_336L));

        HostRoles.Apply(HostRoles.Of(configuration), configuration);
        services.AddApplication(configuration);
        services.AddInfrastructure(configuration, builder.Environment);

        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            json.SerializerOptions.Converters.Add(new NulFreeStringConverter());
            json.SerializerOptions.Converters.Add(new SafeJsonElementConverter());
        });
        // Binding failures (bad JSON, wrong types) are thrown so that ApiExceptionHandler answers them with details.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
            var status = context.ProblemDetails.Status ?? 500;
            context.ProblemDetails.Title = ProblemCodes.TitleOf(status);
            // Problems written by the framework itself (unknown route, wrong method) get a code too.
            if (!context.ProblemDetails.Extensions.ContainsKey("code"))
                context.ProblemDetails.Extensions["code"] = ProblemCodes.CodeOf(status);
        });
        services.AddExceptionHandler<ApiExceptionHandler>();

        services.AddTokenAuthentication();
        services.AddApiRateLimits(configuration);
        services.AddForwardedClientIp(configuration);
        services.AddSingleton<ContactRateLimiter>();
        services.AddApiDocumentation();
        services.AddApiHealthChecks();
        services.AddPublishedSites(configuration);
        services.AddApiTelemetry(configuration);
        services.AddIaGenifyMcp();
        return builder;
    }

    public static WebApplication UseIaGenifyApi(this WebApplication app)
    {
        if (ForwardedHeadersSetup.HasTrustedHops(app.Configuration))
            app.UseMiddleware<ForwardedClientIpMiddleware>();
        app.UseMiddleware<CorrelationMiddleware>();
        app.UseExceptionHandler();
        app.UseMiddleware<CustomDomainMiddleware>();
        // A cached page carries its own encodings and is never an error without a body: compression and status-code
        // pages wrap every response they see, so they come after it (1–2 % of a cached page's CPU, profiled).
        app.UseMiddleware<CachedPageMiddleware>();
        app.UseResponseCompression();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseMiddleware<QueryStringGuardMiddleware>();
        app.UseMiddleware<BodyCharsetGuardMiddleware>();
        app.UseMiddleware<SchemaGateMiddleware>();
        app.UseMiddleware<PageViewMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<PrincipalMiddleware>();
        app.UseRateLimiter();
        app.UseMcpGate();

        app.MapApiHealthChecks();
        app.MapApiMetrics();
        if (HostRoles.Of(app.Configuration) == HostRole.Worker)
            return app;
        app.MapApiDocumentation();
        app.MapAuthEndpoints();
        app.MapMeEndpoints();
        app.MapWorkspaceEndpoints();
        app.MapMemberEndpoints();
        app.MapInvitationEndpoints();
        app.MapAuditEndpoints();
        app.MapWebhookEndpoints();
        app.MapAdminEndpoints();
        app.MapUserSuspensionEndpoints();
        app.MapCreditEndpoints();
        app.MapApiKeyEndpoints();
        app.MapExportEndpoints();
        app.MapAccountDeletionEndpoints();
        app.MapBillingEndpoints();
        app.MapGenerationEndpoints();
        app.MapWebsiteEndpoints();
        app.MapPreviewLinkEndpoints();
        app.MapAssetEndpoints();
        app.MapPublishedAssetEndpoints();
        app.MapSiteEndpoints();
        app.MapProfileEndpoints();
        app.MapSessionEndpoints();
        app.MapMfaEndpoints();
        app.MapOwnershipTransferEndpoints();
        app.MapAnalyticsEndpoints();
        app.MapAnalyticsReportEndpoints();
        app.MapDomainEndpoints();
        app.MapAssistantEndpoints();
        app.MapContactEndpoints();
        app.MapMailboxEndpoints();
        app.MapMailboxInboundEndpoints();
        app.MapIaGenifyMcp();
        if (app.Environment.IsDevelopment())
        {
            app.MapDevEndpoints();
            app.MapDevPages();
        }
        return app;
    }
}
