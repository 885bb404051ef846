using IaGenify.Application.Common.AiTools;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Generations.Specifications;
using IaGenify.Domain.Common;
using IaGenify.Domain.Generations;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Generations.Queries.GetGeneration;

[RequiresPermission(Permission.ContentRead)]
[AiTool("generations_get", "Get one generation: its status, error and output.", ReadOnly = true)]
public sealed record GetGeneration(Guid WorkspaceId, Guid GenerationId) : IQuery<GenerationDto>, IWorkspaceRequest;

internal sealed class GetGenerationHandler(IRepository<Generation> generations) : IRequestHandler<GetGeneration, GenerationDto>
{
    public async Task<GenerationDto> Handle(GetGeneration request, CancellationToken cancellationToken) =>
        GenerationDto.From(await generations.FirstOrNotFoundAsync(new GenerationByIdSpec(request.GenerationId), "Generation", cancellationToken));
}
