using Microsoft.Extensions.Logging;

namespace VpcCni.Plugin.Logging;

/// <summary>The plugin's one logger provider: JSON lines into a <see cref="PluginLogSink"/> at the configured level.</summary>
public sealed class PluginLoggerProvider(PluginLogSink sink, LogLevel minimum, TimeProvider time) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new PluginLogger(categoryName, sink, minimum, time);

    public void Dispose() => sink.Dispose();
}
