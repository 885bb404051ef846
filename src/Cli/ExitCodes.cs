namespace IaGenify.Cli;

public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>The request was refused (validation, permission, business rule) or failed.</summary>
    public const int Failed = 1;
    /// <summary>The command line itself is wrong: unknown command or option, missing or malformed value.</summary>
    public const int Usage = 2;
}
