using FluentValidation;
using IaGenify.Domain.Websites;

namespace IaGenify.Application.Websites.Commands.UpdateWebsite;

internal sealed class UpdateWebsiteValidator : AbstractValidator<UpdateWebsite>
{
    public UpdateWebsiteValidator()
    {
        RuleFor(x => x.Name!).NotEmpty().MaximumLength(Website.MaxNameLength).When(x => x.Name is not null);
        RuleFor(x => x.Slug).Must(SitePaths.IsSlug).When(x => x.Slug is not null)
            .WithMessage("slug has 3 to 60 lower-case letters, digits and dashes, and starts and ends with a letter or digit.");
        RuleFor(x => x.AllowedFrameAncestors).Custom((origins, context) =>
        {
            if (origins is not null && !FrameAncestors.TryNormalize(origins, out _, out var error))
                context.AddFailure(FrameAncestors.Field, error);
        });
        When(x => x.Theme is not null, () =>
        {
            RuleFor(x => x.Theme!.Primary).Must(Theme.IsColor).OverridePropertyName("theme.primary").WithMessage("Must be #rrggbb.");
            RuleFor(x => x.Theme!.Accent).Must(Theme.IsColor).OverridePropertyName("theme.accent").WithMessage("Must be #rrggbb.");
            RuleFor(x => x.Theme!.Background).Must(Theme.IsColor).OverridePropertyName("theme.background").WithMessage("Must be #rrggbb.");
            RuleFor(x => x.Theme!.Text).Must(Theme.IsColor).OverridePropertyName("theme.text").WithMessage("Must be #rrggbb.");
            RuleFor(x => x.Theme!.Font).IsInEnum().OverridePropertyName("theme.font");
        });
    }
}
