using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IaGenify.Application.Common.Idempotency;

/// <summary>
/// What makes two requests "the same" for an idempotency key: the request type and every value the handler will
/// see, as bound from the route and body. Formatting of the HTTP body (spacing, field order, unknown fields) does not
/// matter; any value that changes the command does.
/// </summary>
public static class RequestFingerprint
{
    public static string Of(object request)
    {
        var type = request.GetType();
        var json = JsonSerializer.SerializeToUtf8Bytes(request, type, IdempotencyJson.Options);
        var name = Encoding.UTF8.GetBytes(type.FullName + "\n");
        return Convert.ToHexStringLower(SHA256.HashData([.. name, .. json]));
    }
}
