using System.Diagnostics;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Observability;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Common;
using MediatR;
using Microsoft.Extensions.Logging;

namespace IaGenify.Application.Common.Behaviors;

/// <summary>
/// Outermost behavior: logs the request's type name and ids, never its payload (prompts, emails and payment data
/// are private), turns unexpected exceptions into one error log line, and counts each request by outcome.
/// </summary>
public sealed class LoggingBehavior<TRequest, TResponse>(
    ILogger<LoggingBehavior<TRequest, TResponse>> logger,
    RequestContext context,
    IaGenifyMetrics metrics)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string Kind = RequestKind.NameOf(typeof(TRequest));

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var requestName = typeof(TRequest).Name;
        using var scope = logger.BeginScope(new LogScope(
            new("Request", requestName),
            new("PrincipalKind", context.Principal.Kind.ToString()),
            new("ActorId", context.Principal.ActorId),
            new("WorkspaceId", (request as IWorkspaceRequest)?.WorkspaceId)));
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var response = await next();
            outcome = "succeeded";
            logger.LogDebug("{Request} handled in {ElapsedMs:F1} ms", requestName, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (DomainException ex)
        {
            outcome = "refused";
            logger.LogInformation("{Request} refused with {ErrorCode}", requestName, ex.Code);
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = "canceled";
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "{Request} failed with {ExceptionType}", requestName, ex.GetType().Name);
            LoggedExceptions.Mark(ex);
            throw;
        }
        finally
        {
            metrics.RequestHandled(requestName, Kind, outcome, Stopwatch.GetElapsedTime(started));
        }
    }
}
