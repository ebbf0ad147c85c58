using Microsoft.Extensions.Configuration;

namespace VpcCni.Engine.Configuration;

/// <summary>Adds an environment file (<c>KEY=VALUE</c> lines, systemd.exec(5) <c>EnvironmentFile=</c>) to a configuration.</summary>
public static class EnvFileConfigurationExtensions
{
    /// <summary>
    /// Adds <paramref name="path"/>. Add it after the process environment so that the file's current
    /// content wins over the copy systemd put into the environment at start.
    /// </summary>
    public static IConfigurationBuilder AddEnvFile(
        this IConfigurationBuilder builder,
        string path,
        bool optional = false,
        TimeSpan? pollInterval = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return builder.Add(new EnvFileConfigurationSource
        {
            Path = Path.GetFullPath(path),
            Optional = optional,
            PollInterval = pollInterval,
            TimeProvider = timeProvider ?? TimeProvider.System,
        });
    }
}
