using IaGenify.Domain.Generations;

namespace IaGenify.Cluster;

/// <summary>
/// One of the concurrent clients: signs up, creates a workspace with a webhook endpoint, buys credits (its Stripe
/// events arrive duplicated and concurrently), then loops through website and image generations, publishing, asset
/// uploads and downloads, contact-form posts on its site and plain reads until told to stop.
/// </summary>
internal sealed class ScenarioClient(int index, string run, ApiClient api, ScenarioRecord record, ClusterOptions options, string receiverUrl,
    SignUps signUps)
{
    private const long WebsitePrice = 20;
    private const long ImagePrice = 30;
    private const int MaxContactPosts = 60;

    private readonly List<(Guid Id, Guid WebsiteId)> _pendingWebsites = [];
    private readonly List<Guid> _pendingImages = [];
    private readonly List<UploadedAsset> _assets = [];
    private Guid _workspaceId;
    private long _budget = 50;
    private int _websites;
    private int _contactPosts;
    private int _purchases;
    private string? _slug;

    public async Task RunAsync(CancellationToken stop)
    {
        await SetUpAsync(stop);
        Interlocked.Increment(ref record.ClientsStarted);
        for (var step = 0; !stop.IsCancellationRequested; step++)
        {
            try
            {
                await StepAsync(step);
            }
            catch (UnexpectedResponseException)
            {
                await Task.Delay(200, CancellationToken.None);
            }
        }
    }

    private async Task SetUpAsync(CancellationToken stop)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (_workspaceId == Guid.Empty)
                {
                    var auth = await api.RegisterAsync($"cluster-{run}-{index}-{attempt}@example.com");
                    await signUps.MarkVerifiedAsync(auth.User.Id);
                    _workspaceId = (await api.CreateWorkspaceAsync($"Cluster {index}")).Id;
                    record.Workspaces.Add(_workspaceId);
                }
                var endpoint = await api.CreateWebhookEndpointAsync(_workspaceId, receiverUrl,
                    ["generation.succeeded", "generation.failed", "website.published"]);
                record.WebhookEndpoints.Add(endpoint.Id);
                await BuyCreditsAsync();
                return;
            }
            catch (UnexpectedResponseException) when (attempt < 5 && !stop.IsCancellationRequested)
            {
                await Task.Delay(1000, CancellationToken.None);
            }
        }
    }

    private async Task StepAsync(int step)
    {
        switch (step % 12)
        {
            case 0 when _budget >= ImagePrice + WebsitePrice:
                var image = await api.SubmitImageAsync(_workspaceId);
                _budget -= ImagePrice;
                _pendingImages.Add(image.Id);
                record.Generations.Add(new SubmittedGeneration(_workspaceId, image.Id, "image"));
                break;
            case 1 when _websites < 2 && _budget >= WebsitePrice && step % 60 == 1:
                var website = await api.CreateWebsiteAsync(_workspaceId, $"Bakery {index}-{_websites}");
                _websites++;
                _budget -= WebsitePrice;
                _pendingWebsites.Add((website.GenerationId, website.Id));
                record.Generations.Add(new SubmittedGeneration(_workspaceId, website.GenerationId, "website"));
                break;
            case 2:
                var content = Images.Unique($"{run}/{index}/{step}");
                var asset = await api.UploadAssetAsync(_workspaceId, content);
                var uploaded = new UploadedAsset(api, _workspaceId, asset.Id, content);
                _assets.Add(uploaded);
                record.Assets.Add(uploaded);
                break;
            case 3 when _assets.Count > 0:
                var pick = _assets[Random.Shared.Next(_assets.Count)];
                var bytes = await api.DownloadAssetAsync(_workspaceId, pick.Id);
                if (!bytes.AsSpan().SequenceEqual(pick.Content))
                    throw new InvalidOperationException($"asset {pick.Id} came back different");
                break;
            case 4:
                await PollGenerationsAsync();
                break;
            case 5 when _slug is not null && _contactPosts < MaxContactPosts:
                _contactPosts++;
                await api.ContactAsync(_slug, $"10.{128 + index % 100}.{_contactPosts / 250}.{_contactPosts % 250 + 1}", [202]);
                break;
            case 6 when _slug is not null:
                await api.SiteAsync(_slug);
                break;
            case 7 when step % 84 == 7:
                await BuyCreditsAsync();
                break;
            case 8:
                await api.CreditsAsync(_workspaceId);
                break;
            default:
                await api.MeAsync();
                break;
        }
    }

    /// <summary>Stripe delivers the same event more than once, sometimes at the same moment: three copies at once.</summary>
    private async Task BuyCreditsAsync()
    {
        var purchase = ++_purchases;
        var eventId = $"evt_cluster_{run}_{index}_{purchase}";
        var sessionId = $"cs_cluster_{run}_{index}_{purchase}";
        var (payload, signature) = StripeDeliveries.CreditPackPaid(eventId, sessionId, _workspaceId, options.StripeWebhookSecret);
        const int copies = 3;
        record.StripeEvents.Add(new StripeDelivery(eventId, sessionId, _workspaceId, copies));
        var deliveries = Enumerable.Range(0, copies).Select(_ => api.StripeAsync(payload, signature)).ToList();
        try
        {
            await Task.WhenAll(deliveries);
        }
        catch (UnexpectedResponseException)
        {
            // Stripe retries a delivery it did not see acknowledged; so does this client, once.
            await Task.Delay(500, CancellationToken.None);
            await api.StripeAsync(payload, signature);
        }
        _budget += StripeDeliveries.PackCredits;
    }

    private async Task PollGenerationsAsync()
    {
        foreach (var (id, websiteId) in _pendingWebsites.ToList())
        {
            var generation = await api.GenerationAsync(_workspaceId, id);
            if (generation.Status is GenerationStatus.Queued or GenerationStatus.Running)
                continue;
            _pendingWebsites.Remove((id, websiteId));
            if (generation.Status != GenerationStatus.Succeeded || _slug is not null)
                continue;
            await api.PublishAsync(_workspaceId, websiteId);
            _slug = (await api.WebsiteAsync(_workspaceId, websiteId)).Slug;
            record.FirstSite.TrySetResult(_slug);
        }
        foreach (var id in _pendingImages.Take(2).ToList())
        {
            var generation = await api.GenerationAsync(_workspaceId, id);
            if (generation.Status is not (GenerationStatus.Queued or GenerationStatus.Running))
                _pendingImages.Remove(id);
        }
    }
}
