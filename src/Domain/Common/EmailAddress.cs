namespace IaGenify.Domain.Common;

public static class EmailAddress
{
    /// <summary>The form under which emails are stored and compared: trimmed, lower case.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
