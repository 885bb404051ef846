using FluentValidation;
using IaGenify.Application.Common.Paging;
using IaGenify.Domain.Generations;

namespace IaGenify.Application.Generations.Queries.ListGenerations;

internal sealed class ListGenerationsValidator : AbstractValidator<ListGenerations>
{
    public ListGenerationsValidator()
    {
        this.AddPagingRules(x => x.Limit, x => x.Cursor);
        RuleFor(x => x.Kind).Must(k => ListGenerations.Parse<GenerationKind>(k) is not null).When(x => x.Kind is not null)
            .WithMessage("kind must be one of website, page, section, image.");
        RuleFor(x => x.Status).Must(s => ListGenerations.Parse<GenerationStatus>(s) is not null).When(x => x.Status is not null)
            .WithMessage("status must be one of queued, running, succeeded, failed, cancelled.");
    }
}
