using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace VpcCni.Plugin.Logging;

/// <summary>
/// One JSON object per line: <c>level</c>, <c>ts</c> (UTC, RFC 3339), <c>logger</c>, <c>eventId</c>,
/// <c>msg</c>, then the message's named values, and <c>error</c> when an exception came with it.
/// </summary>
internal sealed class PluginLogger(string category, PluginLogSink sink, LogLevel minimum, TimeProvider time) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("level", LevelName(logLevel));
            json.WriteString("ts", time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            json.WriteString("logger", category);
            json.WriteNumber("eventId", eventId.Id);
            json.WriteString("msg", formatter(state, exception));
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values.Where(v => v.Key != "{OriginalFormat}"))
                {
                    json.WriteString(key, Format(value));
                }
            }

            if (exception is not null)
            {
                json.WriteString("error", exception.Message);
            }

            json.WriteEndObject();
        }

        sink.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "error",
        _ => "fatal",
    };

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        System.Collections.IEnumerable items => string.Join(",", items.Cast<object?>()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
