using FluentValidation;

namespace IaGenify.Application.Websites.Commands.DeleteSection;

internal sealed class DeleteSectionValidator : AbstractValidator<DeleteSection>;
