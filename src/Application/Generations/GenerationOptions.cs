namespace IaGenify.Application.Generations;

/// <summary>Configuration section <c>Generations</c>: the job queue and its retries.</summary>
public sealed class GenerationOptions
{
    public const string Section = "Generations";

    /// <summary>Attempts per generation, the first included; transient errors and invalid output are retried up to it.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Delay before the first retry; doubled for each further attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest backoff between two attempts.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest <c>Retry-After</c> a model server may ask for; longer requests are shortened to this.</summary>
    public TimeSpan RetryAfterCap { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a worker owns a job it claimed; renewed while the job runs, reclaimed by others when it lapses.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Jobs a worker claims at once. Above 1, their model calls run side by side and the finished jobs are then
    /// completed together in one transaction (<see cref="GenerationBatch"/>), or, if that fails, each behind its own
    /// savepoint (one failing job does not undo the others); a worker then makes up to this many model calls at a time.
    /// </summary>
    public int CompletionBatch { get; set; } = 1;

    /// <summary>Workers per process.</summary>
    public int Workers { get; set; } = 2;

    /// <summary>Whether this process runs workers (the API does by default; <c>--role api</c> turns them off).</summary>
    public bool RunWorkers { get; set; } = true;

    /// <summary>Longest idle wait between two looks at the queue when no notification arrives.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
