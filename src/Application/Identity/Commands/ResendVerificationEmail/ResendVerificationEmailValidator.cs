using FluentValidation;

namespace IaGenify.Application.Identity.Commands.ResendVerificationEmail;

/// <summary>The command carries no input; the validator exists so that every command has one.</summary>
internal sealed class ResendVerificationEmailValidator : AbstractValidator<ResendVerificationEmail>;
