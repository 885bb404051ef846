using FluentValidation;

namespace IaGenify.Application.Assets.Commands.DeleteAsset;

internal sealed class DeleteAssetValidator : AbstractValidator<DeleteAsset>;
