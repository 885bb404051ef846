namespace IaGenify.Application.Identity.Ports;

/// <summary>Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30-second steps), as authenticator apps use them.</summary>
public interface ITotpAuthenticator
{
    /// <summary>A new random shared secret, base32-encoded as authenticator apps expect it.</summary>
    string NewSecret();

    /// <summary>The <c>otpauth://</c> URI an app scans from a QR code.</summary>
    string EnrolmentUri(string secret, string accountName);

    /// <summary>The time step the code belongs to when it is valid at <paramref name="now"/> (±1 step of drift), else null.</summary>
    long? MatchStep(string secret, string code, DateTimeOffset now);
}
