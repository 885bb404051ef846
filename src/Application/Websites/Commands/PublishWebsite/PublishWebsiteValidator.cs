using FluentValidation;

namespace IaGenify.Application.Websites.Commands.PublishWebsite;

internal sealed class PublishWebsiteValidator : AbstractValidator<PublishWebsite>;
