using FluentValidation;
using IaGenify.Domain.Assistant;

namespace IaGenify.Application.Assistant.Commands.SendAssistantMessage;

internal sealed class SendAssistantMessageValidator : AbstractValidator<SendAssistantMessage>
{
    public SendAssistantMessageValidator() =>
        RuleFor(x => x.Content).Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("content is required.")
            .MaximumLength(Conversation.MaxContentLength).WithMessage($"content has at most {Conversation.MaxContentLength} characters.");
}
