using IaGenify.Application.Assets.Ports;
using IaGenify.Application.Assets.Specifications;
using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Common.Storage;
using IaGenify.Domain.Assets;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Assets.Commands.DeleteAsset;

/// <summary>
/// Deletes an asset and its bytes. An image a published site shows cannot be deleted (409) until the site is
/// published again without it; drafts that still name it simply lose the picture.
/// </summary>
[RequiresPermission(Permission.ContentWrite)]
public sealed record DeleteAsset(Guid WorkspaceId, Guid AssetId) : ICommand<Unit>, IWorkspaceRequest;

internal sealed class DeleteAssetHandler(
    IRepository<Asset> assets,
    IPublishedAssets publishedAssets,
    IObjectStorage storage,
    IAuditLog auditLog,
    IUnitOfWork unitOfWork) : IRequestHandler<DeleteAsset, Unit>
{
    public async Task<Unit> Handle(DeleteAsset request, CancellationToken cancellationToken)
    {
        var asset = await assets.FirstOrNotFoundAsync(new AssetByIdSpec(request.AssetId, tracking: true), "Asset", cancellationToken);
        if (await publishedAssets.IsShownAsync(asset.Id, cancellationToken))
            throw new ConflictException("asset.published", "A published website shows this image; publish it without the image first.");
        assets.Remove(asset);
        auditLog.Record(AuditActions.AssetDeleted, request.WorkspaceId, "asset", asset.Id.ToString());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await storage.DeleteAsync(asset.StorageKey, cancellationToken);
        return Unit.Value;
    }
}
