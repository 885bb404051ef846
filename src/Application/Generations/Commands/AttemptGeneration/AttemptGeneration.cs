using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Generations.Commands.AttemptGeneration;

/// <summary>
/// Calls the model for one attempt of a claimed generation and returns what it produced, writing nothing; a worker
/// completing several jobs in one transaction sends this for each first, then <c>RunGeneration</c> with the attempt.
/// Sent with the system principal, so the workspace is entered like for any request.
/// </summary>
[RequiresPermission(Permission.GenerationsCreate)]
public sealed record AttemptGeneration(Guid WorkspaceId, Guid GenerationId, Guid LeaseToken) : ICommand<GenerationAttempt>, IWorkspaceRequest;

internal sealed class AttemptGenerationHandler(GenerationAttempts attempts) : IRequestHandler<AttemptGeneration, GenerationAttempt>
{
    public Task<GenerationAttempt> Handle(AttemptGeneration request, CancellationToken cancellationToken) =>
        attempts.RunAsync(request.GenerationId, request.LeaseToken, cancellationToken);
}
