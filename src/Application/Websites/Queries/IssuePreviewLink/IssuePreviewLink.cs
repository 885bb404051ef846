using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Websites.Ports;
using IaGenify.Application.Websites.Specifications;
using IaGenify.Domain.Websites;
using IaGenify.Domain.Workspaces;
using MediatR;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Websites.Queries.IssuePreviewLink;

/// <summary>A preview link: an absolute address (on <c>Platform:PublicUrl</c>) that opens the draft without credentials until <see cref="ExpiresAt"/>.</summary>
public sealed record PreviewLinkDto(string Url, DateTimeOffset ExpiresAt);

/// <summary>
/// Issues a signed, short-lived link to the draft preview, so a browser or an iframe can open it without a bearer
/// header. Whoever may read the preview may issue one; it writes nothing and grants nothing more than that read, so it
/// is a query (a suspended workspace can still preview).
/// </summary>
[RequiresPermission(Permission.ContentRead)]
public sealed record IssuePreviewLink(Guid WorkspaceId, Guid WebsiteId) : IQuery<PreviewLinkDto>, IWorkspaceRequest;

internal sealed class IssuePreviewLinkHandler(IRepository<Website> websites, IPreviewLinkSigner signer,
    IOptionsMonitor<PlatformOptions> platform, TimeProvider clock)
    : IRequestHandler<IssuePreviewLink, PreviewLinkDto>
{
    public async Task<PreviewLinkDto> Handle(IssuePreviewLink request, CancellationToken cancellationToken)
    {
        var website = await websites.FirstOrNotFoundAsync(new WebsiteSpec(request.WebsiteId), "Website", cancellationToken);
        // Whole seconds: the token carries Unix seconds, and the answer must name the instant it really expires.
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((clock.GetUtcNow() + signer.Lifetime).ToUnixTimeSeconds());
        var token = signer.Sign(new PreviewLinkGrant(website.WorkspaceId, website.Id, expiresAt));
        return new PreviewLinkDto(platform.CurrentValue.PublicUrl.TrimEnd('/') + PreviewLinkPaths.Home(token), expiresAt);
    }
}
