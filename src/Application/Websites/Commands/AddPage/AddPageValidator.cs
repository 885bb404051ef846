using FluentValidation;

namespace IaGenify.Application.Websites.Commands.AddPage;

internal sealed class AddPageValidator : AbstractValidator<AddPage>
{
    public AddPageValidator() => this.AddPageRules(x => x.Path, x => x.Title, x => x.Description);
}
