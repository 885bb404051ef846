namespace IaGenify.Infrastructure.Security;

/// <summary>Configuration section <c>Jwt</c>. The signing key is a secret: it comes from the environment.</summary>
public sealed class JwtOptions
{
    public const string Section = "Jwt";

    public string Issuer { get; set; } = "iagenify";
    public string Audience { get; set; } = "iagenify-api";

    /// <summary>Base64 of at least 32 random bytes (HMAC-SHA256 key).</summary>
    public string? SigningKey { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a validated access token is remembered (by its SHA-256) so that the requests after the first skip
    /// signature and claim checks; never past the token's expiry. Revocation is checked on every request regardless.
    /// Zero turns the cache off.
    /// </summary>
    public TimeSpan ValidatedTokenCacheLifetime { get; set; } = TimeSpan.FromSeconds(30);

    public bool HasValidSigningKey
    {
        get
        {
            try
            {
                SigningKeyBytes();
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }

    public byte[] SigningKeyBytes()
    {
        if (string.IsNullOrWhiteSpace(SigningKey))
            throw new InvalidOperationException("Jwt:SigningKey is not configured.");
        byte[] key;
        try
        {
            key = Convert.FromBase64String(SigningKey);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Jwt:SigningKey must be base64.");
        }
        if (key.Length < 32)
            throw new InvalidOperationException("Jwt:SigningKey must hold at least 32 bytes.");
        return key;
    }
}
