using FluentValidation;
using IaGenify.Domain.Credits;

namespace IaGenify.Application.Credits.Commands.GrantCredits;

internal sealed class GrantCreditsValidator : AbstractValidator<GrantCredits>
{
    public GrantCreditsValidator(TimeProvider clock)
    {
        RuleFor(x => x.Amount).InclusiveBetween(1, 1_000_000_000);
        RuleFor(x => x.Source).Must(s => s is GrantSource.Promotion or GrantSource.ManualAdjustment)
            .WithMessage("source must be promotion or manualAdjustment; plan allowances and purchases come from billing.");
        RuleFor(x => x.ExpiresAt).Must(e => e is null || e > clock.GetUtcNow()).WithMessage("expiresAt must be in the future.");
        RuleFor(x => x.Reason).NotEmpty().WithMessage("A reason is required.").MaximumLength(200);
        RuleFor(x => x.IdempotencyKey).ValidIdempotencyKey();
    }
}
