using FluentValidation;
using IaGenify.Domain.Generations;

namespace IaGenify.Application.Generations.Commands.UpdateModelSettings;

internal sealed class UpdateModelSettingsValidator : AbstractValidator<UpdateModelSettings>
{
    public UpdateModelSettingsValidator()
    {
        RuleFor(x => x.Overrides).Cascade(CascadeMode.Stop).NotNull().WithMessage("overrides is required (an empty list removes every override).")
            .Must(o => o.Select(x => x.Kind).Distinct().Count() == o.Count).WithMessage("Give at most one override per kind.");
        RuleForEach(x => x.Overrides).ChildRules(o =>
        {
            o.RuleFor(x => x.Kind).IsInEnum();
            o.RuleFor(x => x.Model).NotEmpty().MaximumLength(ModelSettings.MaxModelLength).Matches("^[A-Za-z0-9._:/@+-]+$")
                .When(x => x.Model is not null).WithMessage("model is a model name (letters, digits and . _ : / @ + -).");
            o.RuleFor(x => x.Temperature).InclusiveBetween(0, ModelSettings.MaxTemperature).When(x => x.Temperature is not null);
            o.RuleFor(x => x.MaxTokens).InclusiveBetween(1, ModelSettings.MaxMaxTokens).When(x => x.MaxTokens is not null);
        }).When(x => x.Overrides is not null);
    }
}
