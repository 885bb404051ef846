using IaGenify.Cluster;

// The scenario of scripts/cluster.sh (run it through that script, which boots the cluster and injects the faults):
//   IaGenify.Cluster --balancer URL --replicas URL,URL --database CONN --faults FILE --receiver-port N
//                    [--seconds 70] [--min-requests 5000] [--clients 24]
// Prints one line per check; exits 1 when any check is violated.
var options = ClusterOptions.Parse(args);
var run = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
var log = new RequestLog();
var record = new ScenarioRecord();
var report = new Report();
await using var sink = await WebhookSink.StartAsync(options.ReceiverPort);
await using var database = Npgsql.NpgsqlDataSource.Create(options.Database);
var signUps = new SignUps(database);
using var balancer = ApiClient.CreateHttp(options.Balancer);

using var stop = new CancellationTokenSource();
var started = RequestLog.Now();
var clients = Enumerable.Range(0, options.Clients)
    .Select(i => new ScenarioClient(i, run, new ApiClient(balancer, log, $"10.77.{i / 250}.{i % 250 + 1}"), record, options, sink.Url, signUps))
    .Select(client => Task.Run(() => client.RunAsync(stop.Token)))
    .ToList();
var probes = new[]
{
    Task.Run(() => LimitProbes.ApiKeyAsync(new ApiClient(balancer, log, "10.78.0.1"), run, record, signUps, stop.Token)),
    Task.Run(() => LimitProbes.ContactAsync(new ApiClient(balancer, log, "192.0.2.77"), record, stop.Token)),
};

Console.WriteLine($"scenario: {options.Clients} clients and 2 limit probes through {options.Balancer} for at least {options.Duration.TotalSeconds:F0} s, "
    + $"{options.MinRequests} requests and until the faults are over");
// Bounded whatever happens: a cluster too slow to reach the figures ends the run, and the volume check says so.
var hardStop = started + (long)options.Duration.TotalMilliseconds * 6;
var nextProgress = started + 10_000;
while (true)
{
    await Task.Delay(250);
    var now = RequestLog.Now();
    if (now >= nextProgress)
    {
        Console.WriteLine($"  {(now - started) / 1000} s: {log.Count} requests");
        nextProgress += 10_000;
    }
    var enough = now - started >= options.Duration.TotalMilliseconds && log.Count >= options.MinRequests
        && FaultWindow.AllOver(options.FaultsFile);
    if (enough || now >= hardStop || clients.All(c => c.IsCompleted))
        break;
}
stop.Cancel();
var ended = RequestLog.Now();
foreach (var task in clients.Concat(probes))
{
    try
    {
        await task;
    }
    catch (Exception ex) when (ex is UnexpectedResponseException or InvalidOperationException)
    {
        report.Check("client ran to the end", false, ex.Message);
    }
}
Console.WriteLine($"scenario over: {log.Count} requests in {(ended - started) / 1000.0:F0} s; checking");

await new Checks(options, record, log, sink, report).RunAsync(started, ended);
Console.WriteLine($"scenario checks: {report.Checks} checks, {report.Violations} violations");
return report.Violations == 0 ? 0 : 1;
