using IaGenify.Application.Credits.Ports;
using Npgsql;

namespace IaGenify.Infrastructure.Credits;

/// <summary>Rebuilds the ledger's figures in SQL, straight from its tables, and compares them with the accounts.</summary>
internal sealed class CreditReconciler(NpgsqlDataSource dataSource) : ICreditReconciler
{
    private const string Totals = """
        WITH accounts AS (
            SELECT workspace_id, balance, reserved FROM credit_accounts WHERE @ws::uuid IS NULL OR workspace_id = @ws),
        entries AS (
            SELECT workspace_id, SUM(amount) AS balance, SUM(reserved_delta) AS reserved FROM credit_entries
            WHERE @ws::uuid IS NULL OR workspace_id = @ws GROUP BY workspace_id),
        grants AS (
            SELECT workspace_id, SUM(remaining) AS balance, SUM(reserved) AS reserved FROM credit_grants
            WHERE @ws::uuid IS NULL OR workspace_id = @ws GROUP BY workspace_id),
        holds AS (
            SELECT workspace_id, SUM(amount) AS reserved FROM credit_holds
            WHERE status = 'Pending' AND (@ws::uuid IS NULL OR workspace_id = @ws) GROUP BY workspace_id)
        SELECT a.workspace_id, a.balance, a.reserved,
               COALESCE(e.balance, 0), COALESCE(e.reserved, 0),
               COALESCE(g.balance, 0), COALESCE(g.reserved, 0),
               COALESCE(h.reserved, 0)
        FROM accounts a
        LEFT JOIN entries e USING (workspace_id)
        LEFT JOIN grants g USING (workspace_id)
        LEFT JOIN holds h USING (workspace_id)
        """;

    // What each grant has given must equal what the debits (captures, adjustments, expiries) say they drew from it.
    private const string Draws = """
        WITH drawn AS (
            SELECT (d ->> 'GrantId')::uuid AS grant_id, SUM((d ->> 'Amount')::bigint) AS amount
            FROM credit_entries e CROSS JOIN LATERAL jsonb_array_elements(e.draws) d
            WHERE e.amount < 0 AND (@ws::uuid IS NULL OR e.workspace_id = @ws)
            GROUP BY 1)
        SELECT g.workspace_id, g.id, g.amount - g.remaining, COALESCE(d.amount, 0)
        FROM credit_grants g LEFT JOIN drawn d ON d.grant_id = g.id
        WHERE (@ws::uuid IS NULL OR g.workspace_id = @ws) AND g.amount - g.remaining <> COALESCE(d.amount, 0)
        """;

    public async Task<CreditReconciliation> ReconcileAsync(Guid? workspaceId, CancellationToken cancellationToken)
    {
        var discrepancies = new List<CreditDiscrepancy>();
        var checkedCount = 0;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for both queries, so concurrent writes cannot show up as differences.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);

        await using (var totals = Command(connection, transaction, Totals, workspaceId))
        await using (var reader = await totals.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                checkedCount++;
                var workspace = reader.GetGuid(0);
                var (balance, reserved) = (reader.GetInt64(1), reader.GetInt64(2));
                Compare(discrepancies, workspace, "balance = sum of entry amounts", reader.GetInt64(3), balance);
                Compare(discrepancies, workspace, "reserved = sum of entry reserved changes", reader.GetInt64(4), reserved);
                Compare(discrepancies, workspace, "balance = sum of grants remaining", reader.GetInt64(5), balance);
                Compare(discrepancies, workspace, "reserved = sum of grants reserved", reader.GetInt64(6), reserved);
                Compare(discrepancies, workspace, "reserved = sum of pending holds", reader.GetInt64(7), reserved);
                if (balance < reserved)
                    discrepancies.Add(new CreditDiscrepancy(workspace, "available is not negative", reserved, balance));
            }
        }

        await using (var draws = Command(connection, transaction, Draws, workspaceId))
        await using (var reader = await draws.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                discrepancies.Add(new CreditDiscrepancy(reader.GetGuid(0), "grant consumption = sum of draws",
                    reader.GetInt64(3), reader.GetInt64(2), reader.GetGuid(1)));
        }
        return new CreditReconciliation(checkedCount, discrepancies);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, Guid? workspaceId)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("ws", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)workspaceId ?? DBNull.Value });
        return command;
    }

    private static void Compare(List<CreditDiscrepancy> discrepancies, Guid workspaceId, string check, long expected, long actual)
    {
        if (expected != actual)
            discrepancies.Add(new CreditDiscrepancy(workspaceId, check, expected, actual));
    }
}
