namespace IaGenify.Cluster;

/// <summary>Prints each check as it is decided (<c>check ok|VIOLATION name: detail</c>) and counts them.</summary>
internal sealed class Report
{
    public int Checks { get; private set; }
    public int Violations { get; private set; }

    public void Check(string name, bool ok, string detail)
    {
        Checks++;
        if (!ok)
            Violations++;
        Console.WriteLine($"check {(ok ? "ok" : "VIOLATION")} {name}: {detail}");
    }

    public static void Info(string line) => Console.WriteLine($"  {line}");
}
