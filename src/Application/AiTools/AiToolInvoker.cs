using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Idempotency;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Observability;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IaGenify.Application.AiTools;

/// <summary>
/// Calls a tool: binds its arguments to the request (the workspace comes from the session), and sends it through the
/// mediator in a scope of its own that acts as the caller's principal, so the authorization, validation,
/// idempotency and suspension rules apply exactly as to the REST API. Failures become tool errors, never data.
/// Every call is audited (<c>ai.tool_call</c>: tool, surface, client, outcome; never the arguments) and counted.
/// </summary>
public sealed partial class AiToolInvoker(
    AiToolRegistry registry,
    IServiceScopeFactory scopes,
    IaGenifyMetrics metrics,
    ILogger<AiToolInvoker> logger)
{
    private const int MaxClientNameLength = 64;
    private static readonly MethodInfo SendMethod = typeof(AiToolInvoker).GetMethod(nameof(SendAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly ConcurrentDictionary<Type, Func<IMediator, object, CancellationToken, Task<object?>>> Senders = new();

    public async Task<AiToolResult> CallAsync(AiToolCaller caller, string toolName, JsonElement? arguments, CancellationToken cancellationToken)
    {
        if (registry.Find(toolName) is not { } tool)
        {
            metrics.AiToolCalled("unknown", caller.Surface, AiToolErrors.UnknownTool);
            return AiToolErrors.Unknown(toolName);
        }

        AiToolResult result;
        bool enteredWorkspace;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<RequestContext>();
            context.Principal = caller.Principal;
            context.IpAddress = caller.IpAddress;
            try
            {
                var request = Bind(tool, caller.WorkspaceId, arguments, scope.ServiceProvider.GetRequiredService<IdempotencyContext>());
                var response = await Senders.GetOrAdd(tool.ResponseType, CreateSender)(
                    scope.ServiceProvider.GetRequiredService<IMediator>(), request, cancellationToken);
                result = new AiToolResult(tool.Name, IsError: false, AiToolResult.Succeeded, ToJson(response, tool.ResponseType));
            }
            catch (JsonException ex)
            {
                result = AiToolErrors.InvalidArguments(tool.Name, ex);
            }
            catch (DomainException ex)
            {
                result = AiToolErrors.From(tool.Name, ex);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogFailure(logger, ex, tool.Name, ex.GetType().Name);
                result = AiToolErrors.Internal(tool.Name);
            }
            enteredWorkspace = context.WorkspaceId == caller.WorkspaceId;
        }

        await AuditAsync(caller, tool, result.Outcome, enteredWorkspace, cancellationToken);
        metrics.AiToolCalled(tool.Name, caller.Surface, result.Outcome);
        return result;
    }

    /// <summary>
    /// Builds the request from the model's arguments. The session's workspace overrides whatever the model sent; an
    /// idempotency key is passed on as the REST API passes its header.
    /// </summary>
    private static object Bind(AiToolDefinition tool, Guid workspaceId, JsonElement? arguments, IdempotencyContext idempotency)
    {
        var values = arguments is { ValueKind: JsonValueKind.Object } given
            ? JsonObject.Create(given) ?? []
            : arguments is null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined }
                ? []
                : throw RequestValidationException.For("arguments", "Arguments must be a JSON object.");
        var constructor = AiToolSchema.Constructor(tool.RequestType)?.GetParameters() ?? [];
        var parameters = constructor.Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name!)).ToHashSet();
        // A paging limit without a default of its own gets the REST API's default, as a query string without one.
        var limitWithoutDefault = constructor.Any(p => p.Name == "Limit" && !p.HasDefaultValue);

        values.Remove(AiToolSchema.WorkspaceIdArgument);
        if (parameters.Contains(AiToolSchema.WorkspaceIdArgument))
            values[AiToolSchema.WorkspaceIdArgument] = workspaceId;
        if (limitWithoutDefault && values[AiToolSchema.LimitArgument] is null)
            values[AiToolSchema.LimitArgument] = Cursor.DefaultLimit;
        if (values[AiToolSchema.IdempotencyKeyArgument] is JsonValue keyValue && keyValue.TryGetValue<string>(out var key)
            && RequestKind.IsCommand(tool.RequestType))
        {
            if (!IdempotencyKey.IsValid(key))
                throw RequestValidationException.For(AiToolSchema.IdempotencyKeyArgument,
                    $"Send one key of 1 to {IdempotencyKey.MaxLength} visible ASCII characters, such as a UUID.");
            idempotency.Use(key);
            if (!parameters.Contains(AiToolSchema.IdempotencyKeyArgument))
                values.Remove(AiToolSchema.IdempotencyKeyArgument);
        }
        return values.Deserialize(tool.RequestType, AiToolJson.Options)
            ?? throw RequestValidationException.For("arguments", "Arguments are required.");
    }

    private static JsonElement ToJson(object? response, Type responseType) =>
        response is null or Unit
            ? JsonSerializer.SerializeToElement(new { ok = true }, AiToolJson.Options)
            : JsonSerializer.SerializeToElement(response, responseType, AiToolJson.Options);

    /// <summary>
    /// Filed under the workspace only when the caller was let into it: a probe of another tenant's workspace is
    /// recorded against the caller, not written into that tenant's log.
    /// </summary>
    private async Task AuditAsync(AiToolCaller caller, AiToolDefinition tool, string outcome, bool inWorkspace,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<RequestContext>();
        context.Principal = caller.Principal;
        context.IpAddress = caller.IpAddress;
        var details = new Dictionary<string, string>
        {
            ["tool"] = tool.Name,
            ["surface"] = caller.Surface,
            ["outcome"] = outcome,
            ["principal"] = caller.Principal.Kind.ToString().ToLowerInvariant(),
        };
        if (ClientName(caller.Client) is { } client)
            details["client"] = client;
        scope.ServiceProvider.GetRequiredService<IAuditLog>().Record(AuditActions.AiToolCall, inWorkspace ? caller.WorkspaceId : null,
            "ai_tool", tool.Name, details);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(cancellationToken);
    }

    /// <summary>A client names itself freely: keep a short, printable name only.</summary>
    private static string? ClientName(string? client)
    {
        if (string.IsNullOrWhiteSpace(client))
            return null;
        var printable = new string(client.Where(c => c is >= ' ' and <= '~').Take(MaxClientNameLength).ToArray()).Trim();
        return printable.Length == 0 ? null : printable;
    }

    private static Func<IMediator, object, CancellationToken, Task<object?>> CreateSender(Type responseType) =>
        SendMethod.MakeGenericMethod(responseType).CreateDelegate<Func<IMediator, object, CancellationToken, Task<object?>>>();

    private static async Task<object?> SendAsync<TResponse>(IMediator mediator, object request, CancellationToken cancellationToken) =>
        await mediator.Send((IRequest<TResponse>)request, cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "AI tool {Tool} failed with {ExceptionType}")]
    private static partial void LogFailure(ILogger logger, Exception exception, string tool, string exceptionType);
}
