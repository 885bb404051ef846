using FluentValidation;

namespace IaGenify.Application.Mailbox.Commands.UpdateThread;

internal sealed class UpdateThreadValidator : AbstractValidator<UpdateThread>
{
    public UpdateThreadValidator()
    {
        RuleFor(x => x.Status).IsInEnum().WithMessage("status must be one of open, archived, spam.");
        RuleFor(x => x).Must(x => x.Status is not null || x.Unread is not null).WithName("body")
            .WithMessage("Send status, unread or both.").OverridePropertyName("body");
    }
}
