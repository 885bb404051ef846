namespace IaGenify.Api.Tests.Support;

/// <summary>
/// The body of <c>/health/live</c> and <c>/health/ready</c>. The host writes it from an anonymous object (HealthSetup),
/// so this record is the one place the tests spell its names. Statuses are the framework's names (Healthy, Degraded,
/// Unhealthy).
/// </summary>
public sealed record HealthResponse(string Status, IReadOnlyList<HealthCheckResponse> Checks);

public sealed record HealthCheckResponse(string Name, string Status, string? Description, double DurationMs);
