using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Configuration;

namespace VpcCni.Service.Configuration;

/// <summary>
/// Live configuration while the service runs: SIGHUP (the unit's <c>ExecReload=</c>, i.e.
/// <c>systemctl reload</c>) reads the environment file again, which fires the configuration's change
/// token that <see cref="VpcCniSettingsMonitor"/> follows; every live variable that changed is then
/// logged with its old and new value. Restart-only changes and rejected edits are logged by the monitor.
/// </summary>
internal sealed class ConfigurationReloadService(
    IConfiguration configuration,
    VpcCniSettingsMonitor monitor,
    EnvFileLocation envFile,
    ILogger<ConfigurationReloadService> logger) : IHostedService, IDisposable
{
    private readonly Lock _gate = new();
    private VpcCniSettings? _logged;
    private IDisposable? _subscription;
    private PosixSignalRegistration? _sighup;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(envFile.Path))
        {
            NodeConfigurationLog.EnvFileMissing(logger, envFile.Path);
        }

        lock (_gate)
        {
            _logged = monitor.CurrentValue;
        }

        var live = LiveSettingsView.Describe(monitor.CurrentValue);
        NodeConfigurationLog.Started(logger, envFile.Path, live);
        _subscription = monitor.OnChange((settings, _) => LogChanges(settings));

        // The default action of SIGHUP ends the process (signal(7)); handling it and cancelling that
        // default turns `systemctl reload` into a configuration reload.
        _sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSighup);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _sighup?.Dispose();
        _subscription?.Dispose();
    }

    private void OnSighup(PosixSignalContext context)
    {
        context.Cancel = true;
        NodeConfigurationLog.ReloadRequested(logger, envFile.Path);
        try
        {
            EnvFileConfigurationProvider.ReloadAll(configuration);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            NodeConfigurationLog.ReloadFailed(logger, ex, envFile.Path);
            return;
        }

        if (monitor.LastReload is { Applied: false, Rejection: null })
        {
            NodeConfigurationLog.ReloadWithoutChange(logger);
        }
    }

    private void LogChanges(VpcCniSettings settings)
    {
        lock (_gate)
        {
            foreach (var (name, before, after) in LiveSettingsView.Changes(_logged ?? settings, settings))
            {
                NodeConfigurationLog.LiveSettingChanged(logger, name, before, after);
            }

            _logged = settings;
        }
    }
}
