using FluentValidation;

namespace IaGenify.Application.Identity.Commands.BeginTotpEnrolment;

/// <summary>The command carries nothing to check; the validator exists because every command declares one.</summary>
internal sealed class BeginTotpEnrolmentValidator : AbstractValidator<BeginTotpEnrolment>;
