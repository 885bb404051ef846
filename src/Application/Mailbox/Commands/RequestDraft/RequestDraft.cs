using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.AiTools;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Generations;
using IaGenify.Application.Mailbox.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Generations;
using IaGenify.Domain.Mailbox;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Mailbox.Commands.RequestDraft;

/// <summary>
/// Asks AI for a reply draft: a <c>mailReply</c> generation priced <c>mail.reply</c>, held now and captured only if
/// it succeeds (402 when the credits do not suffice). The draft shows on the thread, pending, then ready.
/// </summary>
/// <param name="Instruction">Optional guidance for the draft, e.g. "mention our opening hours".</param>
[AiTool("mailbox_reply_draft", "Draft a reply to a mailbox thread with AI; the draft appears on the thread.", SpendsCredits = true, PriceKey = "mail.reply")]
[RequiresPermission(Permission.MailboxUse)]
public sealed record RequestDraft(Guid WorkspaceId, Guid ThreadId, string? Instruction) : ICommand<DraftRequestedDto>, IWorkspaceRequest
{
    public const string DefaultInstruction = "Draft a helpful reply to the visitor's latest message.";
}

internal sealed class RequestDraftHandler(
    IRepository<MailThread> threads,
    IRepository<MailDraft> drafts,
    GenerationSubmitter submitter,
    RequestContext context,
    IAuditLog audit,
    TimeProvider clock) : IRequestHandler<RequestDraft, DraftRequestedDto>
{
    public async Task<DraftRequestedDto> Handle(RequestDraft request, CancellationToken cancellationToken)
    {
        var thread = await threads.FirstOrDefaultAsync(new ThreadSpec(request.ThreadId), cancellationToken);
        if (thread is null || thread.IsInTrash)
            throw new NotFoundException("Thread");
        var instruction = string.IsNullOrWhiteSpace(request.Instruction) ? null : request.Instruction.Trim();
        var input = new GenerationInput(instruction ?? RequestDraft.DefaultInstruction, WebsiteId: thread.WebsiteId, ThreadId: thread.Id);
        var generation = await submitter.StageAsync(request.WorkspaceId, GenerationKind.MailReply, input, null,
            GenerationSubmitter.Fingerprint(GenerationKind.MailReply, input), cancellationToken);
        var draft = MailDraft.Request(thread, generation.Id, instruction, context.Principal.ActorId, clock.GetUtcNow());
        drafts.Add(draft);
        audit.Record(AuditActions.MailboxDraftRequested, thread.WorkspaceId, "mail_thread", thread.Id.ToString(),
            new Dictionary<string, string> { ["generationId"] = generation.Id.ToString(), ["draftId"] = draft.Id.ToString() });
        await submitter.CommitAsync(generation, cancellationToken);
        return new DraftRequestedDto(generation.Id, draft.Id);
    }
}
