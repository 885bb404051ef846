using FluentValidation;

namespace IaGenify.Application.Workspaces.Commands.AcceptOwnershipTransfer;

internal sealed class AcceptOwnershipTransferValidator : AbstractValidator<AcceptOwnershipTransfer>
{
    public AcceptOwnershipTransferValidator()
    {
        RuleFor(x => x.Token).NotEmpty().WithMessage("A token is required.").MaximumLength(200);
    }
}
