using System.Reflection;
using IaGenify.Application.Common.AiTools;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.AiTools;

/// <summary>
/// Every request marked <see cref="AiToolAttribute"/>, turned once into a tool definition. Both AI surfaces (the MCP
/// server and the workspace assistant) list and call tools through it, so they expose the same approved requests.
/// </summary>
public sealed class AiToolRegistry
{
    private readonly Dictionary<string, AiToolDefinition> _tools;

    public AiToolRegistry() : this(typeof(AiToolRegistry).Assembly)
    {
    }

    internal AiToolRegistry(Assembly assembly)
    {
        var docs = AiToolDocs.For(assembly);
        _tools = assembly.GetTypes()
            .Select(type => (Type: type, Tool: type.GetCustomAttribute<AiToolAttribute>()))
            .Where(t => t.Tool is not null)
            .Select(t => Define(t.Type, t.Tool!, docs))
            .ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<AiToolDefinition> All => _tools.Values;

    public AiToolDefinition? Find(string name) => _tools.GetValueOrDefault(name);

    /// <summary>The tools a caller with <paramref name="role"/> may call, by name.</summary>
    public IReadOnlyList<AiToolDefinition> AllowedFor(Role role) =>
        _tools.Values.Where(t => t.IsAllowedFor(role)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

    private static AiToolDefinition Define(Type requestType, AiToolAttribute tool, AiToolDocs docs)
    {
        var response = requestType.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>))?.GetGenericArguments()[0]
            ?? throw new InvalidOperationException($"{requestType.Name} is marked as an AI tool but is not a request.");
        var isCommand = RequestKind.IsCommand(requestType);
        var summary = docs.SummaryOf(requestType);
        var description = summary is null ? tool.Description : $"{tool.Description} {summary}";
        return new AiToolDefinition(tool.Name, description, requestType, response, AccessPolicy.For(requestType),
            tool.ReadOnly, tool.Destructive, tool.SpendsCredits, tool.PriceKey, AiToolSchema.For(requestType, isCommand, docs));
    }
}
