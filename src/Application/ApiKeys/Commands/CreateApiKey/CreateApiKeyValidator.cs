using FluentValidation;
using IaGenify.Domain.ApiKeys;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.ApiKeys.Commands.CreateApiKey;

internal sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKey>
{
    public const string RoleMessage = "role must be one of viewer, member, admin.";

    public CreateApiKeyValidator(TimeProvider clock)
    {
        RuleFor(x => x.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("A name is required.")
            .MaximumLength(ApiKey.MaxNameLength).WithMessage($"The name must have at most {ApiKey.MaxNameLength} characters.");
        // Owner passes here: for anyone below Owner it is an escalation (403 from the handler), for an Owner a 400 there.
        RuleFor(x => x.Role).Must(r => ApiKey.IsAssignable(r) || r == Role.Owner).WithMessage(RoleMessage);
        RuleFor(x => x.ExpiresAt).Must(e => e is null || e > clock.GetUtcNow())
            .WithMessage("expiresAt must be in the future.");
    }
}
