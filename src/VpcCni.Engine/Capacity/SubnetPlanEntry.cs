namespace VpcCni.Engine.Capacity;

/// <summary>One AZ's pod subnet in a <see cref="SubnetPlan"/>.</summary>
public sealed record SubnetPlanEntry
{
    /// <summary>The CIDR, or <c>/20</c>-style text when only a prefix length was given.</summary>
    public required string Subnet { get; init; }

    public required int PrefixLength { get; init; }

    /// <summary>All addresses in the subnet (2^(32 − prefix length)).</summary>
    public required long Addresses { get; init; }

    /// <summary>Addresses left after the 5 AWS reserves (network, router, DNS, future use, broadcast).</summary>
    public required long UsableAddresses { get; init; }

    /// <summary>Addresses this AZ's pods need.</summary>
    public required long RequiredAddresses { get; init; }

    /// <summary>Usable minus required; negative when the subnet is too small.</summary>
    public required long Headroom { get; init; }

    /// <summary>Aligned /28 blocks that contain no reserved address: where EC2 can carve prefixes.</summary>
    public required long WholePrefixBlocks { get; init; }

    /// <summary>/28 blocks lost because they hold the reserved first four or the last address.</summary>
    public required long PrefixBlocksLostToReservedAddresses { get; init; }

    /// <summary>With prefix delegation, the /28 blocks this AZ's pods need; otherwise null.</summary>
    public long? PrefixBlocksNeeded { get; init; }

    /// <summary>Whole blocks minus needed blocks, with prefix delegation; otherwise null.</summary>
    public long? PrefixBlockHeadroom { get; init; }

    /// <summary>Whether the subnet holds the AZ's pods (in whole /28 blocks with prefix delegation).</summary>
    public required bool Fits { get; init; }
}
