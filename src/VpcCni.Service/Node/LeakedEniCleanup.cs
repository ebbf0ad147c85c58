using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;

namespace VpcCni.Service.Node;

/// <summary>
/// Deletes ENIs this node created and then lost (upstream <c>pkg/awsutils/awsutils.go</c>
/// <c>cleanUpLeakedENIs</c>, <c>getLeakedENIs</c>): an ENI created but never attached, because the
/// node died or the attach failed half-way, stays <c>available</c> and holds subnet addresses for
/// ever. A run lists the <c>available</c> ENIs whose <c>node.k8s.amazonaws.com/instance_id</c> tag
/// names this instance and whose description is <c>aws-K8S-…</c> (what <c>Ec2EniProvider</c> writes),
/// and deletes those whose <c>node.k8s.amazonaws.com/createdAt</c> tag is older than
/// <see cref="LeakedEniCleanupOptions.MinimumAge"/>; one without the tag is old enough, being unattached.
/// Attached ENIs and other instances' ENIs are never touched.
/// </summary>
internal sealed class LeakedEniCleanup(
    NodeInitializer initializer,
    IOptions<LeakedEniCleanupOptions> options,
    IServiceProvider services,
    TimeProvider time,
    ILogger<LeakedEniCleanup> logger) : BackgroundService
{
    /// <summary>The creation-time tag <c>Ec2EniProvider</c> writes (RFC 3339, UTC).</summary>
    public const string CreatedAtTag = "node.k8s.amazonaws.com/createdAt";

    /// <summary>The description prefix of the ENIs the CNI creates (<c>aws-K8S-&lt;instance id&gt;</c>).</summary>
    public const string DescriptionPrefix = "aws-K8S-";

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
        var instanceId = session.Facts.InstanceId;
        IReadOnlyList<Ec2NetworkInterface> candidates;
        try
        {
            candidates = await session.Ec2.DescribeNetworkInterfacesAsync(Ec2DescribeQuery.Where(
                Ec2Filter.Of("status", "available"),
                Ec2Filter.Tag(AttachedEniDiscovery.InstanceIdTag, instanceId),
                Ec2Filter.Of("description", DescriptionPrefix + "*")), cancellationToken).ConfigureAwait(false);
        }
        catch (VpcCniException ex)
        {
            NodeMaintenanceLog.LeakedEniCleanupFailed(logger, ex, ex.ErrorId);
            return;
        }

        var now = time.GetUtcNow();
        foreach (var eni in candidates.Where(e => IsLeaked(e, instanceId, minimumAge, now)))
        {
            var createdAt = eni.Tags.GetValueOrDefault(CreatedAtTag) ?? "at an unknown time";
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

    /// <summary>Checks again what the filters asked for, so that a lenient EC2 answer never costs an ENI in use.</summary>
    internal static bool IsLeaked(Ec2NetworkInterface eni, string instanceId, TimeSpan minimumAge, DateTimeOffset now)
    {
        if (eni.Status != Ec2NetworkInterfaceStatus.Available || eni.Attachment is not null
            || !string.Equals(eni.Tags.GetValueOrDefault(AttachedEniDiscovery.InstanceIdTag), instanceId, StringComparison.Ordinal)
            || eni.Description?.StartsWith(DescriptionPrefix, StringComparison.Ordinal) != true)
        {
            return false;
        }

        return !eni.Tags.TryGetValue(CreatedAtTag, out var createdAt)
            || !DateTimeOffset.TryParse(createdAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created)
            || now - created >= minimumAge;
    }

    private static TimeSpan Jitter(TimeSpan max) =>
        max <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32((int)Math.Max(1, max.TotalMilliseconds)));
}
