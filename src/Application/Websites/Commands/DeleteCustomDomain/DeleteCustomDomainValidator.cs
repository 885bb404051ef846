using FluentValidation;

namespace IaGenify.Application.Websites.Commands.DeleteCustomDomain;

internal sealed class DeleteCustomDomainValidator : AbstractValidator<DeleteCustomDomain>;
