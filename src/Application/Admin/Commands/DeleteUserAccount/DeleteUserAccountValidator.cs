using FluentValidation;

namespace IaGenify.Application.Admin.Commands.DeleteUserAccount;

internal sealed class DeleteUserAccountValidator : AbstractValidator<DeleteUserAccount>
{
    public DeleteUserAccountValidator() => RuleFor(x => x.UserId).NotEmpty();
}
