using FluentValidation;

namespace IaGenify.Application.Websites.Commands.MakeDomainPrimary;

internal sealed class MakeDomainPrimaryValidator : AbstractValidator<MakeDomainPrimary>;
