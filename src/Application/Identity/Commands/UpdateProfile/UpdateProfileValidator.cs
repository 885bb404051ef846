using FluentValidation;
using IaGenify.Domain.Identity;

namespace IaGenify.Application.Identity.Commands.UpdateProfile;

internal sealed class UpdateProfileValidator : AbstractValidator<UpdateProfile>
{
    public UpdateProfileValidator()
    {
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage("A display name is required.")
            .Must(n => n is null || n.Trim().Length > 0).WithMessage("A display name is required.")
            .MaximumLength(User.MaxDisplayNameLength);
    }
}
