using System.Globalization;

namespace IaGenify.Infrastructure.Security.Revocations;

/// <summary>
/// Revocations committed together, as they travel in a NOTIFY payload: <c>s:&lt;id&gt;:&lt;unix ms&gt;</c> for a
/// session, <c>u:&lt;id&gt;:&lt;unix ms&gt;</c> for a user (erased or suspended) and <c>r:&lt;id&gt;:&lt;unix ms&gt;</c> for a
/// user whose suspension was lifted, separated by commas.
/// </summary>
public sealed record AccessRevocationBatch(
    IReadOnlyList<(Guid Id, DateTimeOffset At)> Sessions,
    IReadOnlyList<(Guid Id, DateTimeOffset At)> Users,
    IReadOnlyList<(Guid Id, DateTimeOffset At)> ReinstatedUsers)
{
    public const string Channel = "access_revoked";

    /// <summary>PostgreSQL refuses payloads from 8000 bytes; a longer batch is announced as "reload" instead.</summary>
    public const int MaxPayloadLength = 7000;

    public const string Reload = "reload";

    public bool IsEmpty => Sessions.Count == 0 && Users.Count == 0 && ReinstatedUsers.Count == 0;

    public string ToPayload()
    {
        var payload = string.Join(',', Sessions.Select(s => Entry('s', s)).Concat(Users.Select(u => Entry('u', u)))
            .Concat(ReinstatedUsers.Select(r => Entry('r', r))));
        return payload.Length <= MaxPayloadLength ? payload : Reload;
    }

    /// <summary>Null when the payload is "reload" or cannot be read: the listener then re-reads the database.</summary>
    public static AccessRevocationBatch? Parse(string payload)
    {
        var sessions = new List<(Guid, DateTimeOffset)>();
        var users = new List<(Guid, DateTimeOffset)>();
        var reinstated = new List<(Guid, DateTimeOffset)>();
        foreach (var entry in payload.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split(':');
            if (parts.Length != 3 || !Guid.TryParse(parts[1], out var id)
                || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
                return null;
            var at = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            switch (parts[0])
            {
                case "s":
                    sessions.Add((id, at));
                    break;
                case "u":
                    users.Add((id, at));
                    break;
                case "r":
                    reinstated.Add((id, at));
                    break;
                default:
                    return null;
            }
        }
        return sessions.Count + users.Count + reinstated.Count == 0 ? null : new AccessRevocationBatch(sessions, users, reinstated);
    }

    private static string Entry(char kind, (Guid Id, DateTimeOffset At) item) =>
        $"{kind}:{item.Id:N}:{item.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}";
}
