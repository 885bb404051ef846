using FluentValidation;

namespace IaGenify.Application.Websites.Commands.AddSection;

internal sealed class AddSectionValidator : AbstractValidator<AddSection>
{
    public AddSectionValidator()
    {
        RuleFor(x => x.Type).ValidSectionType();
        RuleFor(x => x.Position).GreaterThanOrEqualTo(0).When(x => x.Position is not null);
    }
}
