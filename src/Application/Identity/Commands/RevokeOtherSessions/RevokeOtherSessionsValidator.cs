using FluentValidation;

namespace IaGenify.Application.Identity.Commands.RevokeOtherSessions;

/// <summary>The command carries nothing to check; the validator exists because every command declares one.</summary>
internal sealed class RevokeOtherSessionsValidator : AbstractValidator<RevokeOtherSessions>;
