using FluentValidation;
using IaGenify.Domain.Websites;

namespace IaGenify.Application.Websites.Commands;

internal static class SectionRules
{
    public static readonly string TypeList = string.Join(", ", SectionCatalog.Types.Select(SectionCatalog.NameOf));

    public static IRuleBuilderOptions<T, string> ValidSectionType<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(t => SectionCatalog.TryParse(t, out _)).WithMessage($"type must be one of {TypeList}.");
}
