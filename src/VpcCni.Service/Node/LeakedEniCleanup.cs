using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Aws.LeakedEnis;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;

namespace VpcCni.Service.Node;

/// <summary>
/// Deletes ENIs this node created and then lost (upstream <c>pkg/awsutils/awsutils.go</c>
/// <c>cleanUpLeakedENIs</c>, <c>getLeakedENIs</c>): an ENI created but never attached, because the
/// node died or the attach failed half-way, stays <c>available</c> and holds subnet addresses for
/// ever. A run lists the candidates of this instance by the engine's <see cref="LeakedEniRule"/>
/// (the rule <c>Find-VpcCniLeakedEni</c> applies too) and deletes those it judges leaked: older than
/// <see cref="LeakedEniCleanupOptions.MinimumAge"/> by their <c>node.k8s.amazonaws.com/createdAt</c>
/// tag, or without the tag. Attached ENIs and other instances' ENIs are never touched.
/// </summary>
internal sealed class LeakedEniCleanup(
    NodeInitializer initializer,
    IOptions<LeakedEniCleanupOptions> options,
    IServiceProvider services,
    TimeProvider time,
    ILogger<LeakedEniCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (initializer.Session is not { } session)
        {
            return;
        }

        var settings = services.GetRequiredService<IOptionsMonitor<VpcCniSettings>>();
        var cleanup = options.Value;
        await Task.Delay(cleanup.InitialDelay + Jitter(cleanup.Jitter), time, stoppingToken).ConfigureAwait(false);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (settings.CurrentValue.LeakedEniCleanupDisabled)
            {
                NodeMaintenanceLog.LeakedEniCleanupDisabled(logger);
            }
            else
            {
                await RunAsync(session, cleanup.MinimumAge, stoppingToken).ConfigureAwait(false);
            }

            await Task.Delay(cleanup.Interval + Jitter(cleanup.Jitter), time, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task RunAsync(NodeSession session, TimeSpan minimumAge, CancellationToken cancellationToken)
    {
        // This instance's ENIs only: the node never judges another node's, whose instance it cannot see.
        var criteria = new LeakedEniCriteria { InstanceId = session.Facts.InstanceId, GracePeriod = minimumAge };
        IReadOnlyList<Ec2NetworkInterface> candidates;
        try
        {
            candidates = await session.Ec2.DescribeNetworkInterfacesAsync(LeakedEniRule.Query(criteria), cancellationToken).ConfigureAwait(false);
        }
        catch (VpcCniException ex)
        {
            NodeMaintenanceLog.LeakedEniCleanupFailed(logger, ex, ex.ErrorId);
            return;
        }

        var now = time.GetUtcNow();
        foreach (var eni in candidates.Where(e => LeakedEniRule.Judge(e, criteria, now, ownerGone: false) is not null))
        {
            var createdAt = eni.Tags.GetValueOrDefault(LeakedEniRule.CreatedAtTag) ?? "at an unknown time";
            try
            {
                await session.Ec2.DeleteNetworkInterfaceAsync(eni.NetworkInterfaceId, cancellationToken).ConfigureAwait(false);
                NodeMaintenanceLog.LeakedEniDeleted(logger, eni.NetworkInterfaceId, createdAt);
            }
            catch (VpcCniException ex)
            {
                NodeMaintenanceLog.LeakedEniDeleteFailed(logger, ex, eni.NetworkInterfaceId, ex.ErrorId);
            }
        }
    }

    private static TimeSpan Jitter(TimeSpan max) =>
        max <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32((int)Math.Max(1, max.TotalMilliseconds)));
}
