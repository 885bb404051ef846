namespace IaGenify.Application.Websites.Ports;

/// <summary>What a signed preview link grants: reading the draft of one website until it expires.</summary>
public sealed record PreviewLinkGrant(Guid WorkspaceId, Guid WebsiteId, DateTimeOffset ExpiresAt);

/// <summary>Signs preview-link grants into URL-safe tokens and reads them back; a token altered in any way reads as null.</summary>
public interface IPreviewLinkSigner
{
    /// <summary>How long a link stays valid once issued.</summary>
    TimeSpan Lifetime { get; }

    string Sign(PreviewLinkGrant grant);

    /// <summary>The grant a token carries, or null when it is malformed or its signature does not match (expiry is the caller's).</summary>
    PreviewLinkGrant? Read(string token);
}
