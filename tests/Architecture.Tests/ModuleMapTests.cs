using System.Reflection;

namespace IaGenify.Architecture.Tests;

/// <summary>
/// The module map: which module may use which, in Domain, Application, Infrastructure and the Api's module folders
/// alike. Any other dependency fails, naming the types that make it, and so does a cycle. A module is the namespace segment after the layer
/// (<c>IaGenify.Application.Websites.…</c> is Websites). Drawn in docs/architecture.md ("Module map").
/// </summary>
public sealed class ModuleMapTests
{
    /// <summary>Platform modules: every product module may use them; they never use a product module.</summary>
    private static readonly string[] Platform =
        ["Audit", "Identity", "Workspaces", "Exports", "Credits", "Billing", "Webhooks", "ApiKeys"];

    /// <summary>
    /// THE map. A new module adds one line: its name and the modules it may use. Platform modules are layered (each
    /// uses only those above it); product modules use each other only in the directions below, through the ports and
    /// events of the module they use. A dependency the other way round is a port owned by the used module.
    /// </summary>
    private static readonly Dictionary<string, string[]> MayUse = new()
    {
        // Platform, lowest first.
        ["Audit"] = [],
        ["Identity"] = ["Audit"],
        ["Workspaces"] = ["Identity", "Audit"],
        ["Exports"] = ["Identity", "Workspaces", "Audit"],
        ["Credits"] = ["Workspaces", "Audit", "Exports"],
        ["Billing"] = ["Identity", "Workspaces", "Credits", "Audit", "Exports"],
        ["Webhooks"] = ["Workspaces", "Audit", "Exports"],
        ["ApiKeys"] = ["Identity", "Workspaces", "Billing", "Audit", "Exports"],
        ["Admin"] = [.. Platform],
        // Products.
        ["Generations"] = [.. Platform],
        ["Assets"] = [.. Platform, "Generations"],
        ["Websites"] = [.. Platform, "Generations", "Assets"],
        ["Analytics"] = [.. Platform, "Websites"],
        ["Mailbox"] = [.. Platform, "Generations", "Assets", "Websites", "Analytics"],
        ["AiTools"] = [.. Platform, "Generations", "Assets", "Websites", "Analytics", "Mailbox"],
        ["Assistant"] = [.. Platform, "Generations", "Assets", "Websites", "Analytics", "Mailbox", "AiTools"],
    };

    /// <summary>The shared kernel every module may use; it uses no module.</summary>
    private static readonly HashSet<string> Kernel = ["Common", "Events"];

    /// <summary>
    /// Infrastructure's technical parts (EF model, job loop, HTTP, email, storage, token services, composition):
    /// they wire every module together, so they are not modules themselves.
    /// </summary>
    private static readonly HashSet<string> Wiring =
        ["Persistence", "Jobs", "Http", "Email", "Storage", "Security", "Idempotency", "AccessControl", "Auditing", "Lifecycle", "Redis"];

    /// <summary>The access vocabulary (roles and permissions) belongs to the kernel though it lives beside workspaces.</summary>
    private static readonly HashSet<Type> KernelTypes =
        [typeof(Domain.Workspaces.Role), typeof(Domain.Workspaces.Permission), typeof(Domain.Workspaces.RolePermissions)];

    private static readonly Assembly[] Layers = [Assemblies.Domain, Assemblies.Application, Assemblies.Infrastructure, Assemblies.Api];

    private static string? ModuleOf(Type type)
    {
        if (KernelTypes.Contains(type))
            return "Common";
        var parts = (type.Namespace ?? "").Split('.');
        return parts is ["IaGenify", var layer, var folder, ..] ? ModuleOf(layer, folder) : null;
    }

    /// <summary>The module of a layer's top folder (namespace segment), "Common" for the kernel, null for wiring.</summary>
    private static string? ModuleOf(string layer, string folder) => layer switch
    {
        // The Api is HTTP wiring (endpoints, hosting, published sites) except its folders named after a module.
        "Api" => MayUse.ContainsKey(folder) ? folder : null,
        "Domain" or "Application" or "Infrastructure" => Kernel.Contains(folder) ? "Common" : Wiring.Contains(folder) ? null : folder,
        _ => null,
    };

    private static readonly Lazy<Dictionary<(string From, string To), List<string>>> Edges = new(() =>
    {
        var edges = new Dictionary<(string, string), List<string>>();
        foreach (var type in Layers.SelectMany(a => a.GetTypes()))
        {
            if (ModuleOf(type) is not { } from)
                continue;
            foreach (var used in TypeReferences.Of(type))
            {
                if (ModuleOf(used) is { } to && to != from)
                {
                    if (!edges.TryGetValue((from, to), out var witnesses))
                        edges[(from, to)] = witnesses = [];
                    witnesses.Add($"{type.FullName} uses {used.FullName}");
                }
            }
        }
        return edges;
    });

    [Fact]
    public void Every_module_in_the_code_is_on_the_map()
    {
        var unmapped = Layers.SelectMany(a => a.GetTypes()).Select(ModuleOf).OfType<string>().Distinct()
            .Where(m => m != "Common" && !MayUse.ContainsKey(m)).ToList();
        Assert.True(unmapped.Count == 0, $"Not on the map: {string.Join(", ", unmapped)}");
    }

    [Fact]
    public void The_kernel_uses_no_module()
    {
        var offenders = Edges.Value.Where(e => e.Key.From == "Common")
            .Select(e => $"{e.Key.To}: {string.Join("; ", e.Value.Take(3))}").ToList();
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void Modules_use_only_what_the_map_allows()
    {
        var offenders = Edges.Value
            .Where(e => e.Key.From != "Common" && e.Key.To != "Common")
            .Where(e => !MayUse.TryGetValue(e.Key.From, out var allowed) || !allowed.Contains(e.Key.To))
            .Select(e => $"{e.Key.From} -> {e.Key.To}: {string.Join("; ", e.Value.Take(3))}").ToList();
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    /// <summary>
    /// The compiler copies constants into the code that reads them, so the compiled references above never show a
    /// module reading another's constant; the source still names it, in a using directive or a qualified name.
    /// </summary>
    [Fact]
    public void Source_files_name_only_modules_the_map_allows()
    {
        var offenders = new List<string>();
        foreach (var layer in new[] { "Domain", "Application", "Infrastructure", "Api" })
        {
            var layerRoot = Path.Combine(SourceTree.Root(), "src", layer);
            foreach (var file in Directory.EnumerateFiles(layerRoot, "*.cs", SearchOption.AllDirectories))
            {
                var folders = Path.GetRelativePath(layerRoot, file).Split(Path.DirectorySeparatorChar);
                if (folders.Length < 2 || folders[0] is "bin" or "obj" || ModuleOf(layer, folders[0]) is not { } from || from == "Common")
                    continue;
                var text = File.ReadAllText(file);
                foreach (var named in ModuleNames.Matches(text).Select(m => m.Value).Distinct())
                {
                    var parts = named.Split('.');
                    if (ModuleOf(parts[1], parts[2]) is not { } to || to == from || to == "Common" || MayUse[from].Contains(to))
                        continue;
                    // A namespace also holds the kernel's access vocabulary (Role, Permission): only its other types count.
                    var used = TypesIn(named).Where(t => System.Text.RegularExpressions.Regex.IsMatch(text, $@"\b{t}\b")).ToList();
                    if (used.Count > 0)
                        offenders.Add($"{from} -> {to}: {Path.GetRelativePath(SourceTree.Root(), file)} names {string.Join(", ", used)}");
                }
            }
        }
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    private static readonly System.Text.RegularExpressions.Regex ModuleNames =
        new(@"\bIaGenify\.(Domain|Application|Infrastructure|Api)\.[A-Z][A-Za-z]*(\.[A-Z][A-Za-z]*)*");

    private static IEnumerable<string> TypesIn(string ns) => Layers.SelectMany(a => a.GetTypes())
        .Where(t => t.Namespace == ns && !KernelTypes.Contains(t) && !t.IsNested && !t.Name.Contains('<'))
        .Select(t => t.Name.Split('`')[0]).Distinct();

    [Fact]
    public void The_map_has_no_cycle()
    {
        var cycle = FindCycle(MayUse);
        Assert.True(cycle is null, $"Cycle: {string.Join(" -> ", cycle ?? [])}");
    }

    [Fact]
    public void Platform_modules_never_use_product_modules()
    {
        var offenders = Platform.SelectMany(p => MayUse[p].Where(m => !Platform.Contains(m)).Select(m => $"{p} -> {m}"));
        Assert.Empty(offenders);
    }

    private static List<string>? FindCycle(Dictionary<string, string[]> graph)
    {
        var state = new Dictionary<string, int>();
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node, []))
            {
                if (state.GetValueOrDefault(next) == 1)
                    return [.. path.SkipWhile(n => n != next), next];
                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found)
                    return found;
            }
            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
        return graph.Keys.Select(n => state.GetValueOrDefault(n) == 0 ? Visit(n) : null).FirstOrDefault(c => c is not null);
    }
}
