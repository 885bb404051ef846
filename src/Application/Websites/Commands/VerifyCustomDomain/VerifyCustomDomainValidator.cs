using FluentValidation;

namespace IaGenify.Application.Websites.Commands.VerifyCustomDomain;

internal sealed class VerifyCustomDomainValidator : AbstractValidator<VerifyCustomDomain>;
