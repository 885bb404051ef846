namespace IaGenify.Application.Analytics;

/// <summary>Configuration section <c>Analytics</c>.</summary>
public sealed class AnalyticsOptions
{
    public const string Section = "Analytics";

    /// <summary>Whether published pages record page views at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Events waiting for the writer; when full, new events are dropped (and counted), never waited for.</summary>
    public int BufferCapacity { get; set; } = 50_000;

    /// <summary>The writer stores a batch when it holds this many events, or after <see cref="FlushInterval"/>.</summary>
    public int BatchSize { get; set; } = 1_000;

    /// <summary>
    /// A quarter of a second rather than one: at moderate traffic the writer then stores four small batches a second
    /// instead of one large one, so its CPU (and the database's) comes in short slices beside page requests.
    /// </summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Whether the writer prepares and sends its batches on a thread of the lowest CPU priority (nice 19), so that it
    /// only uses CPU that page serving leaves idle. At saturation pages come first: the buffer fills and further views
    /// are dropped and counted, as when the database is slow. Off, the writer competes with requests for the cores
    /// and stores more of a saturating burst at the price of slower pages.
    /// </summary>
    public bool LowPriorityWriter { get; set; } = true;

    /// <summary>How long raw events are kept; rollups stay for the workspace's life.</summary>
    public TimeSpan RawRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Whether this process runs the retention sweep (raw events, salts, visitor sets, partitions ahead).</summary>
    public bool MaintenanceEnabled { get; set; } = true;

    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromHours(1);

    public AnalyticsReportOptions Reports { get; set; } = new();
}

/// <summary><c>Analytics:Reports</c>: the weekly email report to the members who asked for it.</summary>
public sealed class AnalyticsReportOptions
{
    /// <summary>Off in <c>--role api</c>; several workers may run: each member's report of a week is sent once.</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>How often the worker looks for reports still due; a week's reports go out on the first run after Monday 00:00 UTC.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Reports composed per run before the next run starts at once.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>Pages listed in a report.</summary>
    public int TopPages { get; set; } = 5;
}
