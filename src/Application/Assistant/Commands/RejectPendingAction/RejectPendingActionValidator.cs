using FluentValidation;

namespace IaGenify.Application.Assistant.Commands.RejectPendingAction;

internal sealed class RejectPendingActionValidator : AbstractValidator<RejectPendingAction>
{
    public RejectPendingActionValidator() => RuleFor(x => x.PendingActionId).NotEmpty();
}
