using FluentValidation;

namespace IaGenify.Application.Credits.Commands.AdjustCredits;

internal sealed class AdjustCreditsValidator : AbstractValidator<AdjustCredits>
{
    public AdjustCreditsValidator()
    {
        RuleFor(x => x.Amount).NotEqual(0).WithMessage("amount must be a non-zero number of credits.")
            .InclusiveBetween(-1_000_000_000, 1_000_000_000);
        RuleFor(x => x.Reason).NotEmpty().WithMessage("A reason is required.").MaximumLength(200);
        RuleFor(x => x.IdempotencyKey).ValidIdempotencyKey();
    }
}
