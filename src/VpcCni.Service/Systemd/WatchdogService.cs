using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using VpcCni.Service.Configuration;

namespace VpcCni.Service.Systemd;

/// <summary>
/// Keeps systemd's watchdog (<c>WatchdogSec=</c>, systemd.service(5)) fed: when the service manager
/// sets <c>WATCHDOG_USEC</c> (and <c>WATCHDOG_PID</c>, if set, is this process), sends
/// <c>WATCHDOG=1</c> through <see cref="ISystemdNotifier"/> at half that interval, as sd_watchdog_enabled(3)
/// recommends. The Generic Host's systemd integration sends READY=1 and STOPPING=1 but no keep-alives.
/// </summary>
public sealed class WatchdogService(
    IConfiguration configuration,
    TimeProvider timeProvider,
    ILogger<WatchdogService> logger,
    ISystemdNotifier? notifier = null) : BackgroundService
{
    private static readonly ServiceState Watchdog = new("WATCHDOG=1");

    /// <summary>
    /// The keep-alive period: half of <c>WATCHDOG_USEC</c>, or null when the watchdog is off or meant
    /// for another process.
    /// </summary>
    public static TimeSpan? PingInterval(string? watchdogUsec, string? watchdogPid, int processId)
    {
        if (!long.TryParse(watchdogUsec, NumberStyles.None, CultureInfo.InvariantCulture, out var usec) || usec <= 0)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(watchdogPid) &&
            (!int.TryParse(watchdogPid, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid != processId))
        {
            return null;
        }

        return TimeSpan.FromMicroseconds(usec / 2.0);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = PingInterval(configuration["WATCHDOG_USEC"], configuration["WATCHDOG_PID"], Environment.ProcessId);
        if (notifier is not { IsEnabled: true } || interval is not { } period)
        {
            return;
        }

        NodeConfigurationLog.WatchdogOn(logger, period);
        using var timer = new PeriodicTimer(period, timeProvider);
        do
        {
            notifier.Notify(Watchdog);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
