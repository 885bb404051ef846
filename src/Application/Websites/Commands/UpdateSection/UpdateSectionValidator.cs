using System.Text.Json;
using FluentValidation;

namespace IaGenify.Application.Websites.Commands.UpdateSection;

internal sealed class UpdateSectionValidator : AbstractValidator<UpdateSection>
{
    public UpdateSectionValidator() =>
        RuleFor(x => x.Props).Must(p => p.ValueKind == JsonValueKind.Object).WithMessage("props must be an object.");
}
