using System.Globalization;

namespace VpcCni.Engine.Limits;

/// <summary>
/// Networking limits of one EC2 instance type, as EC2 <c>DescribeInstanceTypes</c> publishes them
/// (the same fields upstream's generated <c>vpc_ip_resource_limit.go</c> keeps).
/// </summary>
public sealed record InstanceTypeLimits
{
    /// <summary>vCPU count above which the max-pods ceiling is 250 instead of 110 (EKS AMI max-pods-calculator.sh).</summary>
    public const int HighCpuThreshold = 30;

    public required string InstanceType { get; init; }

    /// <summary>ENIs on the default network card (upstream <c>ENILimit</c>).</summary>
    public required int EniLimit { get; init; }

    /// <summary>IPv4 addresses per ENI, the primary address included (upstream <c>IPv4Limit</c>).</summary>
    public required int Ipv4PerEni { get; init; }

    public int DefaultNetworkCardIndex { get; init; }

    public IReadOnlyList<NetworkCardLimit> NetworkCards { get; init; } = [];

    /// <summary><c>nitro</c>, <c>xen</c> or <c>unknown</c> (bare-metal types publish none).</summary>
    public string Hypervisor { get; init; } = "unknown";

    public bool IsBareMetal { get; init; }

    /// <summary>Published default vCPUs, or null where no figure was published.</summary>
    public int? DefaultVCpus { get; init; }

    public int? Ipv6PerEni { get; init; }

    public long? MemoryMib { get; init; }

    /// <summary>Prefix delegation needs a Nitro or bare-metal instance (upstream pkg/ipamd/ipamd.go <c>isConfigValid</c>).</summary>
    public bool SupportsPrefixDelegation =>
        IsBareMetal || string.Equals(Hypervisor, "nitro", StringComparison.OrdinalIgnoreCase);

    /// <summary>Total ENIs over every network card.</summary>
    public int TotalEniLimit => NetworkCards.Count == 0 ? EniLimit : NetworkCards.Sum(c => c.MaximumNetworkInterfaces);

    /// <summary>
    /// vCPUs used for the max-pods ceiling: the published figure, else derived from the size name.
    /// <c>Nxlarge</c> is 4·N vCPUs and <c>xlarge</c> 4, <c>large</c> 2, smaller sizes 1–2, as across
    /// the published table; <c>metal</c> sizes without a figure are all large hosts, so they count as
    /// above the 30-vCPU threshold (<see cref="HighCpuThreshold"/>) and get the 250 ceiling.
    /// </summary>
    public int EffectiveVCpus => DefaultVCpus ?? DeriveVCpusFromSize(InstanceType);

    /// <summary>Whether <see cref="EffectiveVCpus"/> came from the size name rather than the table.</summary>
    public bool VCpusAreDerived => DefaultVCpus is null;

    /// <summary>The ENI limit of the given card, or 0 when the type has no such card.</summary>
    public int EniLimitOfCard(int cardIndex)
    {
        if (NetworkCards.Count == 0)
        {
            return cardIndex == DefaultNetworkCardIndex ? EniLimit : 0;
        }

        foreach (var card in NetworkCards)
        {
            if (card.Index == cardIndex)
            {
                return card.MaximumNetworkInterfaces;
            }
        }

        return 0;
    }

    internal static int DeriveVCpusFromSize(string instanceType)
    {
        var dot = instanceType.IndexOf('.', StringComparison.Ordinal);
        var size = dot < 0 ? instanceType : instanceType[(dot + 1)..];
        switch (size)
        {
            case "nano":
            case "micro":
            case "small":
            case "medium":
            case "large":
                return 2;
            case "xlarge":
                return 4;
        }

        if (size.EndsWith("xlarge", StringComparison.Ordinal) &&
            int.TryParse(size.AsSpan(0, size.Length - "xlarge".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return checked(4 * n);
        }

        // metal (and any size we cannot read) is a whole host: count it above the threshold.
        return HighCpuThreshold + 1;
    }
}
