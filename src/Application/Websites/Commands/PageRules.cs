using FluentValidation;
using IaGenify.Domain.Websites;

namespace IaGenify.Application.Websites.Commands;

internal static class PageRules
{
    public static void AddPageRules<T>(this AbstractValidator<T> validator, Func<T, string> path, Func<T, string> title, Func<T, string?> description)
    {
        validator.RuleFor(x => path(x)).Must(SitePaths.IsPagePath).OverridePropertyName("path")
            .WithMessage("path is \"/\" or lower-case segments such as \"/about\" (not under /assets).");
        validator.RuleFor(x => title(x)).NotEmpty().MaximumLength(WebPage.MaxTitleLength).OverridePropertyName("title");
        validator.RuleFor(x => description(x)).MaximumLength(WebPage.MaxDescriptionLength).OverridePropertyName("description");
    }
}
