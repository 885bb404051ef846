using FluentValidation;

namespace IaGenify.Application.Websites.Commands.DeleteWebsite;

internal sealed class DeleteWebsiteValidator : AbstractValidator<DeleteWebsite>;
