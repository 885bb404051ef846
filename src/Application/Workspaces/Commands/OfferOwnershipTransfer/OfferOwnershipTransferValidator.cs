using FluentValidation;

namespace IaGenify.Application.Workspaces.Commands.OfferOwnershipTransfer;

internal sealed class OfferOwnershipTransferValidator : AbstractValidator<OfferOwnershipTransfer>
{
    public OfferOwnershipTransferValidator()
    {
        RuleFor(x => x.UserId).NotEmpty().WithMessage("The id of the admin who should become owner is required.");
    }
}
