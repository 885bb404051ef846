using IaGenify.Application.Identity.Ports;
using IaGenify.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using AspNetHasher = Microsoft.AspNetCore.Identity.PasswordHasher<IaGenify.Domain.Identity.User>;

namespace IaGenify.Infrastructure.Security;

/// <summary>ASP.NET Core Identity's hasher: PBKDF2-HMAC-SHA512 with a per-password salt and versioned format.</summary>
internal sealed class PasswordHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher
{
    private readonly AspNetHasher _hasher = new(options);

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    public PasswordCheck Verify(string hash, string password)
    {
        try
        {
            return _hasher.VerifyHashedPassword(null!, hash, password) switch
            {
                PasswordVerificationResult.Success => PasswordCheck.Succeeded,
                PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SucceededRehashNeeded,
                _ => PasswordCheck.Failed,
            };
        }
        catch (FormatException)
        {
            return PasswordCheck.Failed;
        }
    }
}
