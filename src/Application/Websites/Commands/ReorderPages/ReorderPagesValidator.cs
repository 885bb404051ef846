using FluentValidation;

namespace IaGenify.Application.Websites.Commands.ReorderPages;

internal sealed class ReorderPagesValidator : AbstractValidator<ReorderPages>
{
    public ReorderPagesValidator() => RuleFor(x => x.PageIds).NotNull().WithMessage("pageIds is required.");
}
