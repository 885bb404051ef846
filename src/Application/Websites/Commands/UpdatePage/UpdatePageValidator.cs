using FluentValidation;
using IaGenify.Domain.Websites;

namespace IaGenify.Application.Websites.Commands.UpdatePage;

internal sealed class UpdatePageValidator : AbstractValidator<UpdatePage>
{
    public UpdatePageValidator()
    {
        RuleFor(x => x.Path).Must(SitePaths.IsPagePath).When(x => x.Path is not null)
            .WithMessage("path is \"/\" or lower-case segments such as \"/about\" (not under /assets).");
        RuleFor(x => x.Title!).NotEmpty().MaximumLength(WebPage.MaxTitleLength).When(x => x.Title is not null);
        RuleFor(x => x.Description).MaximumLength(WebPage.MaxDescriptionLength);
    }
}
