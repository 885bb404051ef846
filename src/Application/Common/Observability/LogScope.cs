using System.Collections;
using System.Globalization;

namespace IaGenify.Application.Common.Observability;

/// <summary>
/// Named values for <c>ILogger.BeginScope</c>. Structured sinks (the JSON console, OpenTelemetry) read it as key/value
/// pairs; text sinks (the simple console) print <see cref="ToString"/>, <c>Request=CreateWebsite, WorkspaceId=…</c>,
/// where a dictionary would print its type name. Null values are left out of the text.
/// </summary>
public sealed class LogScope(params KeyValuePair<string, object?>[] values) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public LogScope(string name, object? value) : this(new KeyValuePair<string, object?>(name, value))
    {
    }

    public int Count => values.Length;

    public KeyValuePair<string, object?> this[int index] => values[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(", ", values
        .Where(v => v.Value is not null)
        .Select(v => $"{v.Key}={Convert.ToString(v.Value, CultureInfo.InvariantCulture)}"));
}
