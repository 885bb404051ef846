using System.Security.Cryptography;
using System.Text;
using IaGenify.Application.Billing.Entitlements;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Observability;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Credits;
using IaGenify.Application.Credits.Ports;
using IaGenify.Application.Generations.Generators;
using IaGenify.Application.Generations.Specifications;
using IaGenify.Domain.Generations;

namespace IaGenify.Application.Generations;

/// <summary>
/// Queues generations and reserves their price in the caller's unit of work, so that a job and its hold commit
/// together (or not at all: a reserve that does not fit is a 402 and nothing is written). Every module that starts
/// AI work goes through it. Submissions may carry an idempotency key: the same key with the same request
/// (<c>fingerprint</c>) answers the first generation; with another request it is refused (422).
/// </summary>
public sealed class GenerationSubmitter(
    IRepository<Generation> generations,
    ICreditLedger ledger,
    IEntitlements entitlements,
    PriceList prices,
    ModelSettingsResolver settings,
    GeneratorRegistry generators,
    RequestContext context,
    IUnitOfWork unitOfWork,
    IaGenifyMetrics metrics,
    TimeProvider clock)
{
    public static string HoldKey(Guid generationId) => $"generation:{generationId}:hold";
    public static string CaptureKey(Guid generationId) => $"generation:{generationId}:capture";
    public static string ReleaseKey(Guid generationId) => $"generation:{generationId}:release";

    public static string Fingerprint(GenerationKind kind, GenerationInput input) => Hash($"{kind}\n{input.ToJson()}");

    public static string Fingerprint(params string[] parts) => Hash(string.Join("\n", parts));

    /// <summary>The generation an idempotency key already stands for, or null for a new key.</summary>
    public async Task<Generation?> FindReplayAsync(Guid workspaceId, string? idempotencyKey, string fingerprint,
        CancellationToken cancellationToken)
    {
        if (idempotencyKey is null)
            return null;
        var existing = await generations.FirstOrDefaultAsync(new GenerationByIdempotencyKeySpec(workspaceId, idempotencyKey), cancellationToken);
        if (existing is not null && existing.RequestHash != fingerprint)
            throw new IdempotencyKeyReusedException();
        return existing;
    }

    /// <summary>Stages a new generation and reserves its price (the account stays locked until the caller commits).</summary>
    public async Task<Generation> StageAsync(Guid workspaceId, GenerationKind kind, GenerationInput input, string? idempotencyKey,
        string fingerprint, CancellationToken cancellationToken)
    {
        if (kind == GenerationKind.Image)
            await entitlements.EnsureImageGenerationAsync(workspaceId, cancellationToken);
        var generator = generators.For(kind);
        generator.CheckInput(input);
        var price = prices.PriceOf(generator.Operation);
        var modelSettings = await settings.ForAsync(workspaceId, kind, cancellationToken);
        var generation = Generation.Submit(workspaceId, kind, input.ToJson(), modelSettings, generator.Operation, price,
            context.Principal.ActorId, idempotencyKey, fingerprint, clock.GetUtcNow());
        generations.Add(generation);
        if (price > 0)
        {
            var hold = await ledger.ReserveAsync(workspaceId, generator.Operation, price, HoldKey(generation.Id),
                $"generation:{generation.Id}", cancellationToken);
            generation.AttachHold(hold.Value.Id, hold.Value.ExpiresAt);
        }
        return generation;
    }

    /// <summary>
    /// Commits what the caller staged. Two requests racing with one idempotency key both find no replay; the loser's
    /// insert hits the unique index and it answers with the winner's generation. Returns the generation to answer with.
    /// </summary>
    public async Task<Generation> CommitAsync(Generation staged, CancellationToken cancellationToken)
    {
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
            metrics.GenerationReached(ModelSettingsResolver.KindName(staged.Kind), "queued");
            return staged;
        }
        catch (ConflictException) when (staged.IdempotencyKey is { } key)
        {
            return await FindReplayAsync(staged.WorkspaceId, key, staged.RequestHash!, cancellationToken)
                ?? throw new ConflictException("duplicate", "This already exists.");
        }
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
