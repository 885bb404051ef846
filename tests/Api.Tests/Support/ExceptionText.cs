namespace IaGenify.Api.Tests.Support;

/// <summary>Fragments of .NET exception messages and stack traces that must never reach a client.</summary>
public static class ExceptionText
{
    private static readonly string[] Markers =
    [
        "Exception", "   at ", "(Parameter '", "Value cannot be null", "System.", "Npgsql", "Microsoft.", "Cannot read",
        "Unexpected end of", "IaGenify.",
    ];

    public static string? Find(string body) => Markers.FirstOrDefault(marker => body.Contains(marker, StringComparison.Ordinal));

    public static void AssertAbsent(string body)
    {
        if (Find(body) is { } marker)
            Assert.Fail($"The response carries exception text ({marker}): {body}");
    }
}
