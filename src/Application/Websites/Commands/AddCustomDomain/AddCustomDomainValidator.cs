using FluentValidation;
using IaGenify.Domain.Websites.Domains;

namespace IaGenify.Application.Websites.Commands.AddCustomDomain;

internal sealed class AddCustomDomainValidator : AbstractValidator<AddCustomDomain>
{
    public AddCustomDomainValidator()
    {
        RuleFor(x => x.Hostname).NotEmpty().MaximumLength(HostNames.MaxLength)
            .Must(h => HostNames.Normalize(h) is not null)
            .WithMessage("hostname must be a public DNS host name such as shop.example.com (internationalized names are accepted).")
            // Its TXT record lives at _iagenify.<hostname>, which must itself fit in a DNS name.
            .Must(h => HostNames.Normalize(h) is not { Length: > CustomDomain.MaxHostnameLength })
            .WithMessage($"hostname must be at most {CustomDomain.MaxHostnameLength} characters (in punycode), so that its verification record fits in DNS.");
    }
}
