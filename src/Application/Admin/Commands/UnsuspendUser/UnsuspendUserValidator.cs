using FluentValidation;

namespace IaGenify.Application.Admin.Commands.UnsuspendUser;

internal sealed class UnsuspendUserValidator : AbstractValidator<UnsuspendUser>
{
    public UnsuspendUserValidator() => RuleFor(x => x.UserId).NotEmpty();
}
