using FluentValidation;

namespace IaGenify.Application.Mailbox.Commands.SendReply;

internal sealed class SendReplyValidator : AbstractValidator<SendReply>
{
    public SendReplyValidator() => RuleFor(x => x.Body).MessageText("body");
}
