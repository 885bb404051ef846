using System.Diagnostics.Metrics;
using IaGenify.Application.Common.Observability;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Application.Tests.Observability;

/// <summary>A real <see cref="IaGenifyMetrics"/> whose measurements are recorded for assertions.</summary>
public sealed class MeterCapture : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();

    public MeterCapture()
    {
        Metrics = new IaGenifyMetrics(_services.GetRequiredService<IMeterFactory>());
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == IaGenifyMetrics.MeterName && instrument.Meter.Scope == _services.GetRequiredService<IMeterFactory>())
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public IaGenifyMetrics Metrics { get; }

    public List<Measurement> Measurements { get; } = [];

    public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);

    public Measurement Single(string instrument) => Assert.Single(Measurements, m => m.Instrument == instrument);

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var (key, tag) in tags)
            copy[key] = tag;
        lock (Measurements)
            Measurements.Add(new Measurement(instrument.Name, value, copy));
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }
}
