using FluentValidation;
using IaGenify.Domain.Websites.Domains;

namespace IaGenify.Application.Websites.Commands.AddCustomDomain;

internal sealed class AddCustomDomainValidator : AbstractValidator<AddCustomDomain>
{
    public AddCustomDomainValidator()
    {
        RuleFor(x => x.Hostname).NotEmpty().MaximumLength(HostNames.MaxLength)
            .Must(h => HostNames.Normalize(h) is not null)
            .WithMessage("hostname must be a public DNS host name such as shop.example.com (internationalized names are accepted).");
    }
}
