namespace IaGenify.Application.Identity.Ports;

/// <summary>
/// Encrypts TOTP secrets at rest. They cannot be hashed: every code check needs the secret itself. Same key
/// mechanism as webhook endpoint secrets, under its own purpose label.
/// </summary>
public interface IMfaSecretProtector
{
    string Protect(string secret);

    string Unprotect(string protectedSecret);
}
