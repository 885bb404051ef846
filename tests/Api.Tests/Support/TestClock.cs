namespace IaGenify.Api.Tests.Support;

/// <summary>Real time plus an offset a test can move forward (expiry, restore windows). Reset before each test.</summary>
public sealed class TestClock : TimeProvider
{
    public TimeSpan Offset { get; private set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Offset += by;

    public void Reset() => Offset = TimeSpan.Zero;
}
