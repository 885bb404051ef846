namespace IaGenify.Application.Common.Idempotency;

public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 255;

    /// <summary>1 to 255 visible ASCII characters (a UUID is the usual choice).</summary>
    public static bool IsValid(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= MaxLength && key.All(c => c is >= '!' and <= '~');
}
