using VpcCni.Engine.Limits;

namespace VpcCni.Engine.Aws;

/// <summary>
/// The networking part of an EC2 <c>DescribeInstanceTypes</c> item (EC2 API reference, DescribeInstanceTypes, data type NetworkInfo), and its
/// conversion into the engine's <see cref="InstanceTypeLimits"/>.
/// </summary>
public sealed record Ec2InstanceTypeInfo
{
    public required string InstanceType { get; init; }

    /// <summary><c>nitro</c>, <c>xen</c>, or null where EC2 publishes none (bare metal).</summary>
    public string? Hypervisor { get; init; }

    public bool BareMetal { get; init; }

    public int? DefaultVCpus { get; init; }

    public long? MemoryMib { get; init; }

    /// <summary>ENIs over all network cards (EC2 semantics).</summary>
    public int MaximumNetworkInterfaces { get; init; }

    public int DefaultNetworkCardIndex { get; init; }

    public IReadOnlyList<NetworkCardLimit> NetworkCards { get; init; } = [];

    public int Ipv4AddressesPerInterface { get; init; }

    public int? Ipv6AddressesPerInterface { get; init; }

    /// <summary>Whether the type takes Elastic Fabric Adapters (<c>NetworkInfo.EfaSupported</c>).</summary>
    public bool EfaSupported { get; init; }

    /// <summary><c>NetworkInfo.EfaInfo.MaximumEfaInterfaces</c>; null when the type has no EFA.</summary>
    public int? MaximumEfaInterfaces { get; init; }

    /// <summary>
    /// Converts to limits the way upstream's generator and <c>FetchInstanceTypeLimits</c> do: with
    /// several network cards the ENI limit is the default card's, otherwise the instance's total
    /// (so p4d.24xlarge gets 15, not 60).
    /// </summary>
    public InstanceTypeLimits ToLimits()
    {
        var eniLimit = MaximumNetworkInterfaces;
        if (NetworkCards.Count > 1)
        {
            var defaultCard = NetworkCards.FirstOrDefault(c => c.Index == DefaultNetworkCardIndex);
            eniLimit = defaultCard?.MaximumNetworkInterfaces ?? MaximumNetworkInterfaces;
        }

        IReadOnlyList<NetworkCardLimit> cards = NetworkCards.Count > 0
            ? NetworkCards
            : [new NetworkCardLimit(DefaultNetworkCardIndex, MaximumNetworkInterfaces)];

        return new InstanceTypeLimits
        {
            InstanceType = InstanceType,
            EniLimit = eniLimit,
            Ipv4PerEni = Ipv4AddressesPerInterface,
            DefaultNetworkCardIndex = DefaultNetworkCardIndex,
            NetworkCards = cards,
            Hypervisor = string.IsNullOrEmpty(Hypervisor) ? "unknown" : Hypervisor,
            IsBareMetal = BareMetal,
            DefaultVCpus = DefaultVCpus,
            Ipv6PerEni = Ipv6AddressesPerInterface,
            MemoryMib = MemoryMib,
        };
    }
}
