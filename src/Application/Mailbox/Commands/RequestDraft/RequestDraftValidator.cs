using FluentValidation;
using IaGenify.Domain.Mailbox;

namespace IaGenify.Application.Mailbox.Commands.RequestDraft;

internal sealed class RequestDraftValidator : AbstractValidator<RequestDraft>
{
    public RequestDraftValidator() =>
        RuleFor(x => x.Instruction).MaximumLength(MailDraft.MaxInstructionLength)
            .WithMessage($"instruction has at most {MailDraft.MaxInstructionLength} characters.")
            .Must(t => MailboxRules.IsPlainText(t, multiline: true)).WithMessage("instruction must not contain control characters.");
}
