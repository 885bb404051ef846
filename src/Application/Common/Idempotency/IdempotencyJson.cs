using System.Text.Json;

namespace IaGenify.Application.Common.Idempotency;

/// <summary>How requests are fingerprinted and responses kept for replay; internal storage, not the public API format.</summary>
public static class IdempotencyJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
