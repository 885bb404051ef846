using FluentValidation;

namespace IaGenify.Application.Identity.Commands.DeleteMyAccount;

internal sealed class DeleteMyAccountValidator : AbstractValidator<DeleteMyAccount>
{
    public DeleteMyAccountValidator() =>
        RuleFor(x => x.Password).NotEmpty().WithMessage("Confirm with your password.");
}
