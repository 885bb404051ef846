using FluentValidation;
using IaGenify.Domain.Identity;

namespace IaGenify.Application.Workspaces.Commands.CreateInvitation;

internal sealed class CreateInvitationValidator : AbstractValidator<CreateInvitation>
{
    public CreateInvitationValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("An email is required.")
            .MaximumLength(User.MaxEmailLength).EmailAddress().WithMessage("This is not an email address.");
        RuleFor(x => x.Role).IsInEnum().WithMessage("role must be one of owner, admin, member, viewer.");
    }
}
