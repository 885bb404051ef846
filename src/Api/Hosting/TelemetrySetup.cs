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
    /// Traces and metrics (HTTP in and out, Npgsql, IaGenify's own source/meter) exported over OTLP when
    /// <c>Telemetry:OtlpEndpoint</c> is set; off otherwise, so an unobserved process pays nothing.
    /// </summary>
    public static IServiceCollection AddApiTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var endpoint = configuration["Telemetry:OtlpEndpoint"];
        if (string.IsNullOrWhiteSpace(endpoint))
            return services;

        var protocol = configuration.GetValue("Telemetry:OtlpProtocol", OtlpExportProtocol.Grpc);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration.GetValue("Telemetry:ServiceName", "iagenify-api")!))
            .WithTracing(tracing => tracing
                .AddSource(SourceName)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter(SourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .UseOtlpExporter(protocol, new Uri(endpoint));
        return services;
    }
}
