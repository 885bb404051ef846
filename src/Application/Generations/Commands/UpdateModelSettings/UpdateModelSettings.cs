using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Generations.Queries.GetModelSettings;
using IaGenify.Application.Generations.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Generations;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Generations.Commands.UpdateModelSettings;

/// <summary>Replaces the workspace's model overrides; kinds left out use the platform default again.</summary>
[RequiresPermission(Permission.ModelSettingsManage)]
public sealed record UpdateModelSettings(Guid WorkspaceId, IReadOnlyList<ModelOverrideDto> Overrides) : ICommand<ModelSettingsDto>, IWorkspaceRequest;

internal sealed class UpdateModelSettingsHandler(
    IRepository<WorkspaceModelSettings> settings,
    ModelSettingsResolver resolver,
    IAuditLog auditLog,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<UpdateModelSettings, ModelSettingsDto>
{
    public async Task<ModelSettingsDto> Handle(UpdateModelSettings request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var current = await settings.FirstOrDefaultAsync(new WorkspaceModelSettingsSpec(request.WorkspaceId, tracking: true), cancellationToken);
        if (current is null)
        {
            current = WorkspaceModelSettings.Create(request.WorkspaceId, now);
            settings.Add(current);
        }
        current.Replace(request.Overrides.Select(o => new ModelOverride(o.Kind, o.Model?.Trim(), o.Temperature, o.MaxTokens)).ToList(), now);
        auditLog.Record(AuditActions.ModelSettingsChanged, request.WorkspaceId, "model_settings", request.WorkspaceId.ToString(),
            new Dictionary<string, string> { ["kinds"] = string.Join(",", current.Overrides.Select(o => o.Kind.ToString().ToLowerInvariant())) });
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return GetModelSettingsHandler.Describe(resolver, current);
    }
}
