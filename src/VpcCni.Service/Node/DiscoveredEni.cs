using VpcCni.Engine.Aws;

namespace VpcCni.Service.Node;

/// <summary>One attached ENI (of any network card) as instance metadata and EC2 show it, and whether the node manages it.</summary>
/// <param name="Metadata">The IMDS view (MAC, device number, subnet CIDR).</param>
/// <param name="Described">The EC2 view (interface type, tags, addresses).</param>
/// <param name="SkipReason">Why the node leaves it alone, or null when it is managed.</param>
internal sealed record DiscoveredEni(ImdsNetworkInterface Metadata, Ec2NetworkInterface Described, string? SkipReason)
{
    public string Id => Metadata.NetworkInterfaceId;

    public bool IsManaged => SkipReason is null;

    public bool IsTrunk => string.Equals(Described.InterfaceType, AttachedEniDiscovery.TrunkType, StringComparison.Ordinal);

    public bool IsEfa => string.Equals(Described.InterfaceType, AttachedEniDiscovery.EfaType, StringComparison.Ordinal);
}
