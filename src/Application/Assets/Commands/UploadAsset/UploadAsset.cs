using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Common.Storage;
using IaGenify.Domain.Assets;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Assets.Commands.UploadAsset;

/// <summary>
/// Stores an uploaded image. Its type comes from its bytes, never from the file name or the client's header (415 for
/// anything but PNG, JPEG, WebP and GIF; SVG is refused), and it has at most 10 MB (413). <see cref="Content"/> is
/// null when the request carried no file.
/// </summary>
[RequiresPermission(Permission.ContentWrite)]
public sealed record UploadAsset(Guid WorkspaceId, string? FileName, Stream? Content) : ICommand<AssetDto>, IWorkspaceRequest;

internal sealed class UploadAssetHandler(
    IRepository<Asset> assets,
    IObjectStorage storage,
    RequestContext context,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<UploadAsset, AssetDto>
{
    public async Task<AssetDto> Handle(UploadAsset request, CancellationToken cancellationToken)
    {
        if (request.Content is null)
            throw new UnsupportedMediaTypeException("Send the image as multipart/form-data in a field named \"file\".");
        var (bytes, contentType) = await AssetFiles.ReadImageAsync(request.Content, cancellationToken);
        var id = Guid.CreateVersion7();
        var key = AssetFiles.StorageKey(request.WorkspaceId, id);
        var asset = Asset.Uploaded(id, request.WorkspaceId, contentType, bytes.Length, AssetFiles.ContentHash(bytes), key, Path.GetFileName(request.FileName),
            context.Principal.ActorId, clock.GetUtcNow());
        // Bytes first, row second: a failure in between leaves an unreferenced object, never a row without bytes.
        await storage.PutAsync(key, new MemoryStream(bytes), contentType, cancellationToken);
        assets.Add(asset);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return AssetMapping.ToDto(asset);
    }
}
