namespace IaGenify.Infrastructure.Generations;

/// <summary>
/// The trigger behind <see cref="GenerationSignal"/>: every row that becomes queued (a submission, a retry) sends a
/// notification at commit, whichever code path queued it. Applied by the AddGenerationsWebsitesAssets migration;
/// keep the calls there when the migration is regenerated.
/// </summary>
internal static class GenerationQueueTrigger
{
    public const string Create =
        $"""
        CREATE FUNCTION notify_generation_queued() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{GenerationSignal.Channel}', '');
            RETURN NULL;
        END $$;
        CREATE TRIGGER generations_notify_queued AFTER INSERT OR UPDATE OF status, run_after ON generations
            FOR EACH ROW WHEN (NEW.status = 'Queued') EXECUTE FUNCTION notify_generation_queued();
        """;

    public const string Drop =
        """
        DROP TRIGGER IF EXISTS generations_notify_queued ON generations;
        DROP FUNCTION IF EXISTS notify_generation_queued();
        """;
}
