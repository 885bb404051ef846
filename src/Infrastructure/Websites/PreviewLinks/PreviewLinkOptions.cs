namespace IaGenify.Infrastructure.Websites.PreviewLinks;

/// <summary>Configuration section <c>PreviewLinks</c>: signed links that open a website's draft without credentials.</summary>
public sealed class PreviewLinkOptions
{
    public const string Section = "PreviewLinks";

    /// <summary>
    /// Base64 of at least 32 random bytes: the HMAC-SHA256 key of the links. Optional: when absent the key is derived
    /// from <c>Jwt:SigningKey</c> (HKDF with a label of its own), which every replica already shares, so links issued
    /// by one replica open on the others and the JWT key's rules (random per process in Development, required in
    /// Production and clusters) apply to links too.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>How long a link opens the preview once issued.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10);

    public byte[] SigningKeyBytes()
    {
        if (string.IsNullOrWhiteSpace(SigningKey))
            throw new InvalidOperationException("PreviewLinks:SigningKey is not configured.");
        byte[] key;
        try
        {
            key = Convert.FromBase64String(SigningKey);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("PreviewLinks:SigningKey must be base64.");
        }
        return key.Length >= 32 ? key : throw new InvalidOperationException("PreviewLinks:SigningKey must hold at least 32 bytes.");
    }

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
}
