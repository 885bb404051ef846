using FluentValidation;

namespace IaGenify.Application.Websites.Commands.ReorderSections;

internal sealed class ReorderSectionsValidator : AbstractValidator<ReorderSections>
{
    public ReorderSectionsValidator() => RuleFor(x => x.SectionIds).NotNull().WithMessage("sectionIds is required.");
}
