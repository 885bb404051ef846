using System.Text.Json.Nodes;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Generations;
using IaGenify.Application.Generations.Generators;
using IaGenify.Application.Mailbox.Specifications;
using IaGenify.Domain.Generations;
using IaGenify.Domain.Mailbox;

namespace IaGenify.Application.Mailbox.Generators;

/// <summary>A succeeded mail reply fills its draft, in the transaction that charges it; a failed one marks the draft failed.</summary>
internal sealed class MailReplyCompletion(IRepository<MailDraft> drafts, IRepository<MailThread> threads, TimeProvider clock)
    : IGenerationCompletion
{
    public bool Handles(Generation generation) => generation.Kind == GenerationKind.MailReply;

    public async Task OnSucceededAsync(Generation generation, JsonObject output, CancellationToken cancellationToken)
    {
        var draft = await drafts.FirstOrDefaultAsync(new DraftByGenerationSpec(generation.Id), cancellationToken);
        var thread = draft is null ? null : await threads.FirstOrDefaultAsync(new ThreadSpec(draft.ThreadId), cancellationToken);
        if (draft is null || thread is null || thread.IsInTrash)
            throw GenerationNotAppliedException.TargetGone("thread");
        draft.Fill((string)output["subject"]!, (string)output["body"]!, clock.GetUtcNow());
    }

    public async Task OnFailedAsync(Generation generation, CancellationToken cancellationToken)
    {
        var draft = await drafts.FirstOrDefaultAsync(new DraftByGenerationSpec(generation.Id), cancellationToken);
        draft?.Fail(clock.GetUtcNow());
    }
}
