using IaGenify.Application.Generations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Generations;

/// <summary>Runs <c>Generations:Workers</c> workers in this process while it lives.</summary>
internal sealed class GenerationWorkerService(GenerationWorkerPool pool, IOptions<GenerationOptions> options, ILogger<GenerationWorkerService> logger)
    : IHostedService
{
    private readonly List<GenerationWorker> _workers = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < options.Value.Workers; i++)
            _workers.Add(pool.Start());
        logger.LogInformation("Started {Count} generation worker(s)", _workers.Count);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(_workers.Select(w => w.DisposeAsync().AsTask()));
        _workers.Clear();
    }
}
