using FluentValidation;
using IaGenify.Domain.Assets;

namespace IaGenify.Application.Assets.Commands.UploadAsset;

internal sealed class UploadAssetValidator : AbstractValidator<UploadAsset>
{
    public UploadAssetValidator() => RuleFor(x => x.FileName).MaximumLength(1000).WithMessage("The file name is too long.");
}
