using FluentValidation;

namespace IaGenify.Application.Assistant.Commands.ConfirmPendingAction;

internal sealed class ConfirmPendingActionValidator : AbstractValidator<ConfirmPendingAction>
{
    public ConfirmPendingActionValidator() => RuleFor(x => x.PendingActionId).NotEmpty();
}
