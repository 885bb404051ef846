using FluentValidation;

namespace IaGenify.Application.Websites.Commands.DeletePage;

internal sealed class DeletePageValidator : AbstractValidator<DeletePage>;
