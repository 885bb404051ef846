using FluentValidation;

namespace IaGenify.Application.Mailbox.Commands.DeleteThread;

internal sealed class DeleteThreadValidator : AbstractValidator<DeleteThread>
{
    public DeleteThreadValidator() => RuleFor(x => x.ThreadId).NotEmpty();
}
