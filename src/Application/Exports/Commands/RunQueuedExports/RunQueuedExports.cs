using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Exports.Processing;
using MediatR;

namespace IaGenify.Application.Exports.Commands.RunQueuedExports;

/// <summary>
/// Builds the queued exports now and sweeps expired archives: one run of what the background worker does, for
/// operators (the CLI's <c>exports run</c>).
/// </summary>
public sealed record RunQueuedExports : ICommand<ExportRunResult>, IPlatformAdminRequest;

internal sealed class RunQueuedExportsHandler(ExportProcessor processor) : IRequestHandler<RunQueuedExports, ExportRunResult>
{
    public Task<ExportRunResult> Handle(RunQueuedExports request, CancellationToken cancellationToken) =>
        processor.RunOnceAsync(cancellationToken);
}
