using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Execution;
using VpcCni.Engine.Ipam.Planning;

namespace VpcCni.Service.Node;

/// <summary>
/// ENIs in a subnet tagged <c>kubernetes.io/role/cni=0</c> stay attached but give no address to a pod:
/// their free CIDRs go back to EC2, at start and whenever their last pod leaves (upstream
/// <c>pkg/ipamd/ipamd.go</c> cleans excluded ENIs' CIDRs up in the background). CIDRs a pod still holds
/// or that are cooling down stay until they are free.
/// </summary>
internal static class ExcludedEniCleanup
{
    /// <summary>Releases every free CIDR of every excluded ENI, one release per ENI; nothing happens when there is none.</summary>
    public static async Task<int> ReleaseFreeCidrsAsync(IpamDatastore datastore, PoolActionExecutor executor, CancellationToken cancellationToken)
    {
        var released = 0;
        foreach (var eni in datastore.Snapshot().Enis.Where(e => e.Descriptor.IsExcludedForPodIps))
        {
            var free = eni.Cidrs.Where(c => c.IsFree).Select(c => c.Network).ToArray();
            if (free.Length == 0)
            {
                continue;
            }

            var outcome = await executor.ExecuteAsync(
                new ReleaseCidrsAction(eni.Descriptor.Id, free, $"ENI {eni.Descriptor.Id} is in a subnet excluded for pod addresses"),
                cancellationToken).ConfigureAwait(false);
            released += outcome.Removed.Count;
        }

        return released;
    }
}
