using FluentValidation;

namespace IaGenify.Application.ApiKeys.Commands.RevokeApiKey;

internal sealed class RevokeApiKeyValidator : AbstractValidator<RevokeApiKey>
{
    public RevokeApiKeyValidator() => RuleFor(x => x.ApiKeyId).NotEmpty();
}
