using IaGenify.Application.Common.Observability;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IaGenify.Api.Hosting;

internal static class TelemetrySetup
{
    public const string SourceName = "IaGenify";

    /// <summary>
    /// Traces and metrics (HTTP in and out, Npgsql, IaGenify's own source and meter) exported over OTLP when
    /// <c>Telemetry:OtlpEndpoint</c> is set, and metrics served for Prometheus at <c>/metrics</c> when
    /// <c>Telemetry:Prometheus</c> is true; off otherwise, so an unobserved process pays nothing.
    /// </summary>
    public static IServiceCollection AddApiTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var endpoint = configuration["Telemetry:OtlpEndpoint"];
        var otlp = !string.IsNullOrWhiteSpace(endpoint);
        var prometheus = PrometheusEnabled(configuration);
        if (!otlp && !prometheus)
            return services;

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration.GetValue("Telemetry:ServiceName", "iagenify-api")!))
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter(IaGenifyMetrics.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (prometheus)
                    metrics.AddPrometheusExporter();
            });
        if (otlp)
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddSource(SourceName)
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql())
                .UseOtlpExporter(configuration.GetValue("Telemetry:OtlpProtocol", OtlpExportProtocol.Grpc), new Uri(endpoint!));
        }
        return services;
    }

    /// <summary>The Prometheus scrape endpoint. It is unauthenticated: expose it on the internal network only.</summary>
    public static WebApplication MapApiMetrics(this WebApplication app)
    {
        if (PrometheusEnabled(app.Configuration))
            app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    private static bool PrometheusEnabled(IConfiguration configuration) => configuration.GetValue<bool>("Telemetry:Prometheus");
}
