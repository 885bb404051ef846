using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace IaGenify.Application.AiTools;

/// <summary>
/// The Application assembly's XML documentation (generated at build next to the assembly): a request's summary and
/// its <c>&lt;param&gt;</c> texts become the tool's and its arguments' descriptions. Missing docs leave them empty.
/// </summary>
internal sealed partial class AiToolDocs
{
    private readonly Dictionary<string, XElement> _members;

    private AiToolDocs(Dictionary<string, XElement> members) => _members = members;

    public static AiToolDocs For(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (string.IsNullOrEmpty(assembly.Location) || !File.Exists(path))
            return new AiToolDocs([]);
        var members = XDocument.Load(path).Descendants("member")
            .Where(m => m.Attribute("name") is not null)
            .GroupBy(m => m.Attribute("name")!.Value)
            .ToDictionary(g => g.Key, g => g.First());
        return new AiToolDocs(members);
    }

    public string? SummaryOf(Type type) =>
        _members.TryGetValue($"T:{type.FullName}", out var member) ? Text(member.Element("summary")) : null;

    /// <summary>The <c>&lt;param&gt;</c> texts of a positional record, by parameter name.</summary>
    public IReadOnlyDictionary<string, string> ParametersOf(Type type)
    {
        if (!_members.TryGetValue($"T:{type.FullName}", out var member))
            return new Dictionary<string, string>();
        return member.Elements("param")
            .Where(p => p.Attribute("name") is not null)
            .ToDictionary(p => p.Attribute("name")!.Value, p => Text(p) ?? "", StringComparer.OrdinalIgnoreCase);
    }

    private static string? Text(XElement? element)
    {
        if (element is null)
            return null;
        foreach (var reference in element.Descendants().Where(e => e.Name == "see" || e.Name == "paramref").ToList())
        {
            var target = reference.Attribute("cref")?.Value ?? reference.Attribute("name")?.Value ?? "";
            reference.ReplaceWith(target[(target.LastIndexOfAny([':', '.']) + 1)..]);
        }
        var text = Whitespace().Replace(element.Value, " ").Trim();
        return text.Length == 0 ? null : text;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
