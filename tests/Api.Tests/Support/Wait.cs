namespace IaGenify.Api.Tests.Support;

/// <summary>Polls for something the background dispatcher does, failing with a description after a timeout.</summary>
public static class Wait
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, Func<string>? describe = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail(describe?.Invoke() ?? "The condition did not become true in time.");
            await Task.Delay(50);
        }
    }
}
