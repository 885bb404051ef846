using System.Text.Json;
using IaGenify.Application.Assets.Specifications;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Websites.Specifications;
using IaGenify.Domain.Assets;
using IaGenify.Domain.Common;
using IaGenify.Domain.Websites;

namespace IaGenify.Application.Websites;

/// <summary>What the editing commands share: loading the aggregate and turning client props into valid section props.</summary>
public sealed class WebsiteEditing(IRepository<Website> websites, IRepository<Asset> assets)
{
    public async Task<Website> LoadAsync(Guid websiteId, CancellationToken cancellationToken) =>
        await websites.FirstOrNotFoundAsync(new WebsiteSpec(websiteId, tracking: true), "Website", cancellationToken);

    /// <summary>
    /// Validates props for a section type (400 with each problem under <c>props.&lt;path&gt;</c>) and checks that every
    /// asset they name belongs to this workspace (the tenant filter hides others').
    /// </summary>
    public async Task<SectionProps> PropsAsync(SectionType type, JsonElement props, CancellationToken cancellationToken)
    {
        if (!SectionProps.TryCreate(type, props, out var valid, out var errors))
            throw new RequestValidationException(errors.ToDictionary(e => e.Key == "props" ? "props" : $"props.{e.Key}", e => e.Value));
        var referenced = valid!.AssetIds;
        if (referenced.Count > 0)
        {
            var found = (await assets.ListAsync(new AssetsByIdsSpec(referenced), cancellationToken)).Select(a => a.Id).ToHashSet();
            var missing = referenced.Where(id => !found.Contains(id)).ToList();
            if (missing.Count > 0)
                throw RequestValidationException.For("props", $"Unknown asset(s): {string.Join(", ", missing)}.");
        }
        return valid;
    }
}
