using FluentValidation;
using IaGenify.Domain.Identity;

namespace IaGenify.Application.Admin.Commands.SuspendUser;

internal sealed class SuspendUserValidator : AbstractValidator<SuspendUser>
{
    public SuspendUserValidator() =>
        RuleFor(x => x.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("A reason is required.")
            .MaximumLength(User.MaxSuspensionReasonLength)
            .WithMessage($"The reason must have at most {User.MaxSuspensionReasonLength} characters.");
}
