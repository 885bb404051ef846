using Microsoft.EntityFrameworkCore;

namespace IaGenify.Infrastructure.Persistence;

/// <summary>
/// Whether the database holds every migration this build knows. Once it does, it stays so for the life of the
/// process (schemas only move forward), so the answer is then free; until then it is asked again at most every
/// <see cref="RecheckInterval"/>, so a process started before `migrate` ran starts serving when it has.
/// </summary>
public sealed class SchemaStatus(IDbContextFactory<AppDbContext> contexts)
{
    private static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _current;
    private SchemaState _last = new(false, null);
    private long? _checkedAt;

    /// <summary>True once the schema was found current: from then on it stays so, and asking costs nothing.</summary>
    public bool IsKnownCurrent => _current;

    /// <summary>True when no migration is pending; false while some are or the database cannot be asked.</summary>
    public async Task<bool> IsCurrentAsync(CancellationToken cancellationToken) =>
        _current || (await CheckAsync(cancellationToken)).Current;

    /// <summary>The state with its reason, for readiness.</summary>
    public async Task<SchemaState> CheckAsync(CancellationToken cancellationToken)
    {
        if (_current)
            return _last;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current || Environment.TickCount64 - _checkedAt < (long)RecheckInterval.TotalMilliseconds)
                return _last;
            _last = await QueryAsync(cancellationToken);
            _checkedAt = Environment.TickCount64;
            _current = _last.Current;
            return _last;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SchemaState> QueryAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0
                ? new SchemaState(true, null)
                : new SchemaState(false, $"{pending} migration(s) pending; run `migrate`.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new SchemaState(false, $"database unreachable ({ex.GetType().Name})");
        }
    }
}

public sealed record SchemaState(bool Current, string? Reason);
