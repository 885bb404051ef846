namespace IaGenify.Domain.Common;

internal static class Guard
{
    public static string NotBlank(string? value, int maxLength, string name)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw new ArgumentException($"{name} must not be empty.", name);
        if (trimmed.Length > maxLength)
            throw new ArgumentException($"{name} must be at most {maxLength} characters.", name);
        return trimmed;
    }
}
