using FluentValidation;

namespace IaGenify.Application.Mailbox.Commands.ReceiveInboundEmail;

/// <summary>The body itself is judged after the signature, so that an unsigned request learns nothing (401 first).</summary>
internal sealed class ReceiveInboundEmailValidator : AbstractValidator<ReceiveInboundEmail>
{
    public ReceiveInboundEmailValidator() => RuleFor(x => x.Signature).MaximumLength(200);
}
