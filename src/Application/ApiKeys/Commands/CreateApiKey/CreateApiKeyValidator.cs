using FluentValidation;
using IaGenify.Domain.ApiKeys;

namespace IaGenify.Application.ApiKeys.Commands.CreateApiKey;

internal sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKey>
{
    public CreateApiKeyValidator(TimeProvider clock)
    {
        RuleFor(x => x.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("A name is required.")
            .MaximumLength(ApiKey.MaxNameLength).WithMessage($"The name must have at most {ApiKey.MaxNameLength} characters.");
        RuleFor(x => x.Role).Must(ApiKey.IsAssignable).WithMessage("role must be one of viewer, member, admin.");
        RuleFor(x => x.ExpiresAt).Must(e => e is null || e > clock.GetUtcNow())
            .WithMessage("expiresAt must be in the future.");
    }
}
