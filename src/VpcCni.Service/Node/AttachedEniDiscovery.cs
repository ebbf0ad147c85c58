using VpcCni.Engine.Aws;
using VpcCni.Engine.Errors;

namespace VpcCni.Service.Node;

/// <summary>
/// Lists the ENIs attached to every network card and sorts out the ones the node must leave alone, as
/// upstream <c>pkg/awsutils/awsutils.go</c> <c>DescribeAllENIs</c> does: instance metadata says which
/// ENIs are attached (and their MAC, device and subnet), EC2 <c>DescribeNetworkInterfaces</c> says
/// what each one is (interface type, tags, addresses).
/// </summary>
internal static class AttachedEniDiscovery
{
    /// <summary>Tag that hands an ENI to someone else (upstream <c>eniNoManageTagKey</c>).</summary>
    public const string NoManageTag = "node.k8s.amazonaws.com/no_manage";

    /// <summary>Tag the CNI puts on the ENIs it creates.</summary>
    public const string InstanceIdTag = VpcCni.Engine.Aws.LeakedEnis.LeakedEniRule.InstanceIdTag;

    /// <summary>EC2 <c>InterfaceType</c> of the security-groups-for-pods trunk ENI.</summary>
    public const string TrunkType = "trunk";

    public const string EfaType = "efa";

    /// <summary>An EFA device without IP addresses (EC2 user guide, "Elastic Fabric Adapter"); nothing for pods.</summary>
    public const string EfaOnlyType = "efa-only";

    public static async Task<IReadOnlyList<DiscoveredEni>> DiscoverAsync(
        IInstanceMetadata imds, IEc2Api ec2, bool manageUntagged, CancellationToken cancellationToken)
    {
        // Every card's ENIs: the caller puts each into its card's pool (card 0 always; the others with ENABLE_MULTI_NIC).
        var listed = (await imds.GetAttachedNetworkInterfacesAsync(cancellationToken).ConfigureAwait(false)).ToArray();
        if (!listed.Any(e => e.IsPrimary))
        {
            throw new VpcCniException(VpcCniErrorCategory.NotFound, ErrorIds.Node.PrimaryEniMissing,
                "Instance metadata lists no ENI at device 0 of network card 0, so the node has no primary ENI to start from.");
        }

        var described = (await ec2.DescribeNetworkInterfacesAsync(
                Ec2DescribeQuery.ForIds([.. listed.Select(e => e.NetworkInterfaceId)]), cancellationToken).ConfigureAwait(false))
            .ToDictionary(e => e.NetworkInterfaceId, StringComparer.Ordinal);

        var found = new List<DiscoveredEni>(listed.Length);
        foreach (var eni in listed)
        {
            if (!described.TryGetValue(eni.NetworkInterfaceId, out var ec2View))
            {
                if (eni.IsPrimary)
                {
                    throw new VpcCniException(VpcCniErrorCategory.NotFound, ErrorIds.Node.PrimaryEniMissing,
                        $"EC2 does not describe the primary ENI {eni.NetworkInterfaceId} that instance metadata lists.");
                }

                // Detached since IMDS listed it; the next start or reconcile sees the truth.
                continue;
            }

            found.Add(new DiscoveredEni(eni, ec2View, SkipReason(eni, ec2View, manageUntagged)));
        }

        return found;
    }

    /// <summary>Why the node leaves <paramref name="eni"/> alone, or null when it manages it.</summary>
    internal static string? SkipReason(ImdsNetworkInterface eni, Ec2NetworkInterface ec2View, bool manageUntagged)
    {
        if (ec2View.Tags.TryGetValue(NoManageTag, out var noManage) && string.Equals(noManage, "true", StringComparison.OrdinalIgnoreCase))
        {
            return $"tagged {NoManageTag}=true";
        }

        if (string.Equals(ec2View.InterfaceType, EfaOnlyType, StringComparison.Ordinal) || eni.HasNoIpv4)
        {
            return "an EFA-only interface carries no IPv4 addresses";
        }

        if (!manageUntagged && !eni.IsPrimary && !ec2View.Tags.ContainsKey(InstanceIdTag))
        {
            return $"not tagged {InstanceIdTag} and MANAGE_UNTAGGED_ENI is false";
        }

        return null;
    }
}
