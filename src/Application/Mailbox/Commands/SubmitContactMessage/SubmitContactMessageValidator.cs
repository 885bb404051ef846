using FluentValidation;
using IaGenify.Domain.Mailbox;

namespace IaGenify.Application.Mailbox.Commands.SubmitContactMessage;

internal sealed class SubmitContactMessageValidator : AbstractValidator<SubmitContactMessage>
{
    public SubmitContactMessageValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Your name is required.")
            .MaximumLength(MailThread.MaxNameLength).WithMessage($"A name has at most {MailThread.MaxNameLength} characters.")
            .SingleLine("The name");
        RuleFor(x => x.Email).NotEmpty().WithMessage("Your email address is required.")
            .Must(MailboxRules.IsDeliverableAddress).WithMessage("This is not an email address we can answer.");
        RuleFor(x => x.Message).MessageText("A message");
        RuleFor(x => x.Phone).MaximumLength(MailMessage.MaxPhoneLength).WithMessage($"A phone number has at most {MailMessage.MaxPhoneLength} characters.")
            .Must(p => p is null || p.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.' or '/'))
            .WithMessage("A phone number has digits, spaces and + - ( ) . / only.");
        RuleFor(x => x.Honeypot).MaximumLength(1000);
    }
}
