using VpcCni.Engine.Limits;

namespace VpcCni.Engine.Ipam.Planning;

/// <summary>Instance and node limits the planner must respect (the instance type's ENI and per-ENI IPv4 limits from EC2 DescribeInstanceTypes, and the Node's pod capacity).</summary>
public sealed record PoolLimits
{
    /// <summary>Addresses per /28 prefix.</summary>
    public const int AddressesPerPrefix = 16;

    /// <summary>ENIs this card may hold: <c>min(instance limit, MAX_ENI when ≥ 1)</c>.</summary>
    public required int MaxEni { get; init; }

    /// <summary>
    /// CIDRs one ENI can carry besides its primary address (<c>IPv4 addresses per ENI − 1</c>):
    /// the maximum /32 secondary IPs in SIP mode and the maximum /28 prefixes in PD mode.
    /// </summary>
    public required int MaxCidrsPerEni { get; init; }

    /// <summary>The Node's pod capacity; growth stops once the pool holds this many addresses.</summary>
    public int MaxPods { get; init; } = 110;

    /// <summary>Whether the instance type supports a trunk ENI (unknown types count as compatible).</summary>
    public bool TrunkingCompatible { get; init; } = true;

    /// <summary>ENIs attached to this card that ipamd does not manage (they use ENI slots).</summary>
    public int UnmanagedEnis { get; init; }

    /// <summary>Addresses a full ENI holds: <see cref="MaxCidrsPerEni"/>, times 16 in PD.</summary>
    public int MaxIpsPerEni(bool prefixDelegation) =>
        prefixDelegation ? checked(MaxCidrsPerEni * AddressesPerPrefix) : MaxCidrsPerEni;

    /// <summary>
    /// Limits of one card of an instance type, with <paramref name="maxEniSetting"/> (<c>MAX_ENI</c>)
    /// applied only when it is at least 1.
    /// </summary>
    public static PoolLimits ForInstanceType(InstanceTypeLimits instance, int networkCard, int maxEniSetting, int maxPods)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var limit = instance.NetworkCards.Count == 0 ? instance.EniLimit : instance.EniLimitOfCard(networkCard);
        return new PoolLimits
        {
            MaxEni = maxEniSetting >= 1 ? Math.Min(limit, maxEniSetting) : limit,
            MaxCidrsPerEni = checked(instance.Ipv4PerEni - 1),
            MaxPods = maxPods,
        };
    }
}
