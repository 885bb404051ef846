using Npgsql;

namespace IaGenify.Cluster;

/// <summary>
/// Stands in for the person who opens the verification link of their sign-up email (publishing a site and creating
/// API keys need a verified address). The cluster sends its emails through the outbox to the log, so the scenario
/// marks the address verified in PostgreSQL instead; the emailed-link flow itself is covered by tests/Api.Tests.
/// </summary>
internal sealed class SignUps(NpgsqlDataSource database)
{
    public async Task MarkVerifiedAsync(Guid userId)
    {
        await using var command = database.CreateCommand("UPDATE users SET email_verified_at = now() WHERE id = $1 AND email_verified_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        await command.ExecuteNonQueryAsync();
    }
}
