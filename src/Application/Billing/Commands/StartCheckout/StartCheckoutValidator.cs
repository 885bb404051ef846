using FluentValidation;
using IaGenify.Application.Credits;

namespace IaGenify.Application.Billing.Commands.StartCheckout;

internal sealed class StartCheckoutValidator : AbstractValidator<StartCheckout>
{
    public StartCheckoutValidator(PlanCatalog catalog)
    {
        RuleFor(x => x).Must(x => string.IsNullOrEmpty(x.Plan) != string.IsNullOrEmpty(x.CreditPack))
            .WithName("plan").OverridePropertyName("plan")
            .WithMessage("Send either a plan or a creditPack.");
        RuleFor(x => x.Plan)
            .Must(code => catalog.FindPlan(code) is not null)
            .WithMessage(_ => $"plan must be one of {string.Join(", ", catalog.Plans.Skip(1).Select(p => p.Code))}.")
            .Must(code => code != catalog.Free.Code)
            .WithMessage("The free plan needs no checkout.")
            .When(x => !string.IsNullOrEmpty(x.Plan));
        RuleFor(x => x.CreditPack)
            .Must(code => catalog.FindPack(code) is not null)
            .WithMessage(_ => $"creditPack must be one of {string.Join(", ", catalog.CreditPacks.Select(p => p.Code))}.")
            .When(x => !string.IsNullOrEmpty(x.CreditPack));
        RuleFor(x => x.IdempotencyKey).ValidIdempotencyKey();
    }
}
