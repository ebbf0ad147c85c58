using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Configuration;
using N = VpcCni.Engine.Configuration.VpcCniVariableNames;

namespace VpcCni.Service.Configuration;

/// <summary>
/// Keeps <see cref="LiveLogLevel"/> on <c>AWS_VPC_K8S_CNI_LOGLEVEL</c>: from the host's first lifecycle step,
/// then on every settings change (env-file reload, SIGHUP or poll; docs/service.md "Live reload"). When the
/// variable is unset the host's own logging configuration applies.
/// </summary>
internal sealed class LogLevelFollower(VpcCniSettingsMonitor monitor, LiveLogLevel level, ILogger<LogLevelFollower> logger)
    : IHostedLifecycleService, IDisposable
{
    private IDisposable? _subscription;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        Apply(monitor.CurrentValue);
        _subscription = monitor.OnChange((settings, _) => Apply(settings));
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _subscription?.Dispose();

    private void Apply(VpcCniSettings settings)
    {
        var set = settings.SourceOf(N.LogLevel) != ConfigurationSource.Default;
        if (level.Set(set ? settings.Logging.LogLevel : null))
        {
            NodeConfigurationLog.LogLevelApplied(logger, set ? settings.Logging.LogLevel.ToString() : "the host's logging configuration");
        }
    }
}
