using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace VpcCni.Engine.Configuration;

/// <summary>
/// Live <see cref="VpcCniSettings"/>: binds once at start (invalid configuration throws), then binds
/// and validates again whenever the configuration's change token fires (an env-file reload) or
/// <see cref="Reload"/> is called (the ConfigMap watcher). New values of variables marked
/// <see cref="ConfigurationVariable.AppliesLive"/> are published to <see cref="CurrentValue"/> and the
/// <see cref="OnChange"/> listeners; changed restart-only variables are reported and keep their
/// running value; an invalid configuration is rejected as a whole and the last good settings stay.
/// </summary>
public sealed class VpcCniSettingsMonitor : IOptionsMonitor<VpcCniSettings>, IDisposable
{
    private readonly IConfiguration _environment;
    private readonly Func<IReadOnlyDictionary<string, string>?>? _configMap;
    private readonly ILogger _logger;
    private readonly IDisposable _registration;
    private readonly Lock _gate = new();
    private readonly List<Action<VpcCniSettings, string?>> _listeners = [];
    private VpcCniSettings _current;

    /// <exception cref="InvalidConfigurationException">The starting configuration is invalid.</exception>
    public VpcCniSettingsMonitor(IConfiguration environment, Func<IReadOnlyDictionary<string, string>?>? configMap, ILogger<VpcCniSettingsMonitor> logger)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(logger);
        _environment = environment;
        _configMap = configMap;
        _logger = logger;
        _current = VpcCniSettingsBinder.Bind(environment, configMap?.Invoke()).Settings;
        _registration = ChangeToken.OnChange(environment.GetReloadToken, () => Reload());
    }

    /// <inheritdoc />
    public VpcCniSettings CurrentValue => Volatile.Read(ref _current);

    /// <summary>The outcome of the last reload, or null before the first one.</summary>
    public SettingsReloadResult? LastReload { get; private set; }

    /// <inheritdoc />
    public VpcCniSettings Get(string? name) => CurrentValue;

    /// <inheritdoc />
    public IDisposable OnChange(Action<VpcCniSettings, string?> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (_gate)
        {
            _listeners.Add(listener);
        }

        return new Subscription(this, listener);
    }

    /// <summary>Binds the current environment and ConfigMap again and publishes what may change live.</summary>
    public SettingsReloadResult Reload()
    {
        Action<VpcCniSettings, string?>[] listeners;
        VpcCniSettings next;
        lock (_gate)
        {
            var result = Evaluate(_current, out next);
            LastReload = result;
            if (!result.Applied)
            {
                return result;
            }

            Volatile.Write(ref _current, next);
            listeners = [.. _listeners];
        }

        foreach (var listener in listeners)
        {
            listener(next, Options.DefaultName);
        }

        return LastReload;
    }

    public void Dispose() => _registration.Dispose();

    private SettingsReloadResult Evaluate(VpcCniSettings running, out VpcCniSettings next)
    {
        next = running;
        var fresh = VpcCniSettingsBinder.Evaluate(_environment, _configMap?.Invoke());
        if (!fresh.IsValid)
        {
            return Reject(fresh.Errors);
        }

        var changed = ConfigurationVariables.All.Where(v => RawOf(running, v) != RawOf(fresh.Settings, v)).ToArray();
        string[] live = [.. changed.Where(v => v.AppliesLive).Select(v => v.Name)];
        string[] restart = [.. changed.Where(v => !v.AppliesLive).Select(v => v.Name)];
        if (restart.Length > 0)
        {
            ConfigurationLog.RestartRequired(_logger, restart);
        }

        if (live.Length == 0)
        {
            return new SettingsReloadResult([], restart);
        }

        if (restart.Length == 0)
        {
            next = fresh.Settings;
        }
        else
        {
            // Keep the running value of every restart-only variable and take only the live ones anew;
            // the mix is validated again because cross-variable rules span both kinds.
            var merged = new Dictionary<string, ValueOrigin>(running.Origins, StringComparer.OrdinalIgnoreCase);
            foreach (var name in live)
            {
                if (fresh.Settings.Origins.TryGetValue(name, out var origin))
                {
                    merged[name] = origin;
                }
                else
                {
                    merged.Remove(name);
                }
            }

            var mixed = VpcCniSettingsBinder.EvaluateRaw(merged);
            if (!mixed.IsValid)
            {
                return Reject(mixed.Errors);
            }

            next = mixed.Settings;
        }

        ConfigurationLog.Applied(_logger, live);
        return new SettingsReloadResult(live, restart);
    }

    private SettingsReloadResult Reject(IReadOnlyList<ConfigurationError> errors)
    {
        var rejection = new InvalidConfigurationException(errors);
        ConfigurationLog.Rejected(_logger, rejection.Message);
        return new SettingsReloadResult([], [], rejection);
    }

    private static string? RawOf(VpcCniSettings settings, ConfigurationVariable variable) =>
        settings.Origins.TryGetValue(variable.Name, out var origin) ? origin.RawValue : null;

    private sealed class Subscription(VpcCniSettingsMonitor owner, Action<VpcCniSettings, string?> listener) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._listeners.Remove(listener);
            }
        }
    }
}
