using IaGenify.Application.Identity.Ports;
using OtpNet;

namespace IaGenify.Infrastructure.Security;

/// <summary>RFC 6238 through Otp.NET: 160-bit secrets, SHA-1, 6 digits, 30-second steps, one step of drift either way.</summary>
internal sealed class OtpNetTotpAuthenticator : ITotpAuthenticator
{
    public const string Issuer = "IaGenify";
    private const int SecretBytes = 20;
    private static readonly VerificationWindow Drift = new(previous: 1, future: 1);

    public string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(SecretBytes));

    public string EnrolmentUri(string secret, string accountName) =>
        new OtpUri(OtpType.Totp, secret, accountName, Issuer).ToString();

    public long? MatchStep(string secret, string code, DateTimeOffset now)
    {
        var digits = code.Replace(" ", "", StringComparison.Ordinal);
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit))
            return null;
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        return totp.VerifyTotp(now.UtcDateTime, digits, out var step, Drift) ? step : null;
    }
}
