using Microsoft.Extensions.Configuration;

namespace VpcCni.Engine.Configuration;

/// <summary>
/// Serves the variables of an environment file and reloads them on request (the service's
/// <c>systemctl reload</c>) or when polling sees the file change. A reload fires the configuration's
/// change token, which <see cref="VpcCniSettingsMonitor"/> follows.
/// </summary>
public sealed class EnvFileConfigurationProvider : ConfigurationProvider, IDisposable
{
    private readonly EnvFileConfigurationSource _source;
    private readonly ITimer? _timer;
    private readonly Lock _gate = new();
    private (DateTime WrittenAt, long Length)? _seen;

    public EnvFileConfigurationProvider(EnvFileConfigurationSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        if (source.PollInterval is { } interval)
        {
            _timer = source.TimeProvider.CreateTimer(_ => ReloadIfChanged(), null, interval, interval);
        }
    }

    /// <summary>Reloads every env-file provider of <paramref name="configuration"/> (what a SIGHUP handler calls).</summary>
    public static void ReloadAll(IConfiguration configuration)
    {
        if (configuration is IConfigurationRoot root)
        {
            foreach (var provider in root.Providers.OfType<EnvFileConfigurationProvider>())
            {
                provider.Reload();
            }
        }
    }

    /// <inheritdoc />
    public override void Load()
    {
        lock (_gate)
        {
            var file = new FileInfo(_source.Path);
            if (!file.Exists)
            {
                if (!_source.Optional)
                {
                    throw new FileNotFoundException($"The environment file '{_source.Path}' does not exist.", _source.Path);
                }

                _seen = null;
                Data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
                return;
            }

            _seen = (file.LastWriteTimeUtc, file.Length);
            Data = EnvFileParser.Parse(File.ReadAllText(file.FullName));
        }
    }

    /// <summary>Reads the file again and signals the change token.</summary>
    public void Reload()
    {
        Load();
        OnReload();
    }

    public void Dispose() => _timer?.Dispose();

    private void ReloadIfChanged()
    {
        var file = new FileInfo(_source.Path);
        (DateTime, long)? now = file.Exists ? (file.LastWriteTimeUtc, file.Length) : null;
        bool changed;
        lock (_gate)
        {
            changed = now != _seen;
        }

        if (changed)
        {
            try
            {
                Reload();
            }
            catch (IOException)
            {
                // Caught mid-write (or the file vanished and is not optional): keep the values, try at the next tick.
            }
        }
    }
}
