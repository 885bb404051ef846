using FluentValidation;

namespace IaGenify.Application.Assistant.Commands.StartConversation;

internal sealed class StartConversationValidator : AbstractValidator<StartConversation>
{
    public StartConversationValidator() => RuleFor(x => x.WorkspaceId).NotEmpty();
}
