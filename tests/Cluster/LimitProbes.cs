namespace IaGenify.Cluster;

/// <summary>
/// Callers that push against a limit for the whole run, through the balancer (so across both replicas): an API key of a
/// free-plan workspace (N requests per minute) and one client address posting to a site's contact form (N per window).
/// What each limit admitted is recorded for the checks.
/// </summary>
internal static class LimitProbes
{
    public static async Task ApiKeyAsync(ApiClient api, string run, ScenarioRecord record, SignUps signUps, CancellationToken stop)
    {
        var auth = await api.RegisterAsync($"cluster-{run}-probe@example.com");
        await signUps.MarkVerifiedAsync(auth.User.Id);
        var workspace = await api.CreateWorkspaceAsync("Cluster probe");
        var key = await api.CreateApiKeyAsync(workspace.Id);
        var probe = api.WithApiKey(key.Key);
        while (!stop.IsCancellationRequested)
        {
            var started = RequestLog.Now();
            if (await probe.StatusAsync("probe.api-key", HttpMethod.Get, $"/api/v1/workspaces/{workspace.Id}/credits", [200, 429]) == 200)
                record.ApiKeyAdmitted.Enqueue(started);
            await Task.Delay(100, CancellationToken.None);
        }
    }

    public static async Task ContactAsync(ApiClient api, ScenarioRecord record, CancellationToken stop)
    {
        string slug;
        try
        {
            slug = await record.FirstSite.Task.WaitAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        while (!stop.IsCancellationRequested)
        {
            var started = RequestLog.Now();
            try
            {
                if (await api.ContactAsync(slug, api.ClientIp, [202, 429], "probe.contact") == 202)
                    record.ContactAdmitted.Enqueue(started);
            }
            catch (UnexpectedResponseException)
            {
                // Logged with its status; the checks count it.
            }
            await Task.Delay(500, CancellationToken.None);
        }
    }
}
