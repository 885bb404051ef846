using System.IO.Compression;
using System.Text.Json;
using IaGenify.Application.Assets;
using IaGenify.Application.Exports.Ports;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Api.Tests.Lifecycle;

/// <summary>
/// Reads the files of an export archive with the archive's own JSON rules. Files written from public records
/// (<c>WebsiteDto</c>, <c>GenerationDto</c>, <c>AuditEntryDto</c>, <c>ExportManifest</c>) are read into them; the
/// records below stand for the files whose shapes are private to their contributors, so their names are spelled here only.
/// </summary>
public static class ExportArchive
{
    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, ExportWriter.JsonOptions) ?? throw new InvalidOperationException($"The file is null, not a {typeof(T).Name}.");

    public static T Read<T>(ZipArchive zip, string name)
    {
        using var reader = new StreamReader((zip.GetEntry(name) ?? throw new InvalidOperationException($"The archive has no {name}.")).Open());
        return Read<T>(reader.ReadToEnd());
    }
}

public sealed record ArchivedWorkspace(Guid Id, string Name);

public sealed record ArchivedBilling(string Plan);

public sealed record ArchivedMember(Guid UserId, string Email, Role Role);

public sealed record ArchivedInvitation(Guid Id, string Email, InvitationStatus Status);

public sealed record ArchivedAsset(AssetDto Asset, string? File);
