namespace IaGenify.Application.Identity.Ports;

public enum PasswordCheck
{
    Failed,
    Succeeded,
    /// <summary>Correct, but hashed with weaker settings than today's: store a fresh hash.</summary>
    SucceededRehashNeeded,
}

public interface IPasswordHasher
{
    string Hash(string password);
    PasswordCheck Verify(string hash, string password);
}
