using FluentValidation;

namespace IaGenify.Application.Billing.Commands.OpenCustomerPortal;

internal sealed class OpenCustomerPortalValidator : AbstractValidator<OpenCustomerPortal>;
