namespace VpcCni.Engine.Ipam;

/// <summary>An ENI and its CIDRs as the datastore held them when the snapshot was taken.</summary>
public sealed record EniSnapshot
{
    /// <summary>The ENI's facts, as given to <see cref="IpamDatastore.AddEni"/> (and its exclusion since).</summary>
    public required EniDescriptor Descriptor { get; init; }

    /// <summary>When the datastore started tracking the ENI; ENIs younger than the minimum ENI lifetime (60 s by default) are not freed.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>CIDRs in address order.</summary>
    public IReadOnlyList<CidrSnapshot> Cidrs { get; init; } = [];

    /// <summary>CIDRs of the given mode: prefixes when <paramref name="prefixes"/>, else /32s.</summary>
    public IEnumerable<CidrSnapshot> CidrsOfMode(bool prefixes) => Cidrs.Where(c => c.IsPrefix == prefixes);

    /// <summary>Pods on the ENI, whatever the mode of the CIDR they sit in.</summary>
    public int AssignedCount => Cidrs.Sum(c => c.AssignedCount);

    public int CoolingCount => Cidrs.Sum(c => c.CoolingCount);
}
