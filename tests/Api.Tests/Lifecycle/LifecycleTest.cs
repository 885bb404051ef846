using IaGenify.Api.Tests.Support;
using Npgsql;
using IaGenify.Api.Endpoints;
using IaGenify.Domain.Exports;

namespace IaGenify.Api.Tests.Lifecycle;

/// <summary>Helpers shared by the data lifecycle tests: waiting for the export worker, reading the database.</summary>
public abstract class LifecycleTest(ApiFixture fixture) : ApiTest(fixture)
{
    protected static string ExportsUrl(Guid workspaceId) => $"/api/v1/workspaces/{workspaceId}/exports";

    /// <summary>Requests an export and waits until the background worker has finished it.</summary>
    private protected async Task<ExportEndpoints.ExportResponse> ExportAsync(TestUser admin, Guid workspaceId)
    {
        var response = await admin.Client.PostAsync(ExportsUrl(workspaceId), null);
        await response.ShouldBe(202);
        var id = (await response.ReadAsync<ExportEndpoints.ExportAccepted>()).Id;
        return await WaitForExportAsync(admin, workspaceId, id, ExportStatus.Succeeded);
    }

    /// <summary>Polls the export until it reaches the status (the worker polls every 100 ms in tests).</summary>
    private protected static async Task<ExportEndpoints.ExportResponse> WaitForExportAsync(TestUser admin, Guid workspaceId, Guid exportId,
        ExportStatus status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var export = await (await admin.Client.GetAsync($"{ExportsUrl(workspaceId)}/{exportId}")).ReadAsync<ExportEndpoints.ExportResponse>();
            var current = export.Status;
            if (current == status)
                return export;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Export {exportId} is {current}, expected {status}: {export}");
            await Task.Delay(50);
        }
    }

    protected async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters) =>
        Convert.ToInt64(await ScalarAsync(sql, parameters));

    protected async Task<object?> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return await command.ExecuteScalarAsync();
    }

    protected async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }

    protected string WorkspaceObjectsFolder(Guid workspaceId) =>
        Path.Combine(Factory.StorageRoot, "objects", "workspaces", workspaceId.ToString("D"));
}
