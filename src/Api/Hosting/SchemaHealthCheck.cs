using IaGenify.Infrastructure.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IaGenify.Api.Hosting;

/// <summary>Not ready while the database lags the code (pending migrations) or cannot be asked.</summary>
internal sealed class SchemaHealthCheck(SchemaStatus schema) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = await schema.CheckAsync(cancellationToken);
        return state.Current ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(state.Reason);
    }
}
