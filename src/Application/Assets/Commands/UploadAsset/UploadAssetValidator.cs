using FluentValidation;
using IaGenify.Domain.Assets;

namespace IaGenify.Application.Assets.Commands.UploadAsset;

internal sealed class UploadAssetValidator : AbstractValidator<UploadAsset>
{
    public UploadAssetValidator() => RuleFor(x => x.FileName).Cascade(CascadeMode.Stop)
        .MaximumLength(1000).WithMessage("The file name is too long.")
        // Stored as text and echoed in Content-Disposition: PostgreSQL refuses NUL, headers refuse line breaks.
        .Must(name => name is null || !name.Any(char.IsControl)).WithMessage("The file name must not contain control characters.");
}
