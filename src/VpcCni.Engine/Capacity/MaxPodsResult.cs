namespace VpcCni.Engine.Capacity;

/// <summary>
/// A max-pods figure with everything that produced it: the inputs, the ENIs and addresses that
/// counted, the raw value, the vCPU-based ceiling and the capped value.
/// </summary>
public sealed record MaxPodsResult
{
    /// <summary>The instance type, or null when only explicit limits were given.</summary>
    public string? InstanceType { get; init; }

    /// <summary>The answer: <see cref="CappedMaxPods"/>, or <see cref="RawMaxPods"/> when <see cref="ShowMaxAllowed"/> is set.</summary>
    public required int MaxPods { get; init; }

    /// <summary>The formula's value before the ceiling: <c>ENIs × (IPs − 1) + 2</c>, or <c>ENIs × (IPs − 1) × 16 + 2</c> with prefix delegation.</summary>
    public required int RawMaxPods { get; init; }

    /// <summary>110 for up to 30 vCPUs, 250 above (the EKS AMI's ceiling).</summary>
    public required int Ceiling { get; init; }

    /// <summary><c>min(RawMaxPods, Ceiling)</c>.</summary>
    public required int CappedMaxPods { get; init; }

    /// <summary>ENIs on the default network card, from the table or the caller.</summary>
    public required int EniLimit { get; init; }

    /// <summary>ENIs that count for pods, after <c>MAX_ENI</c> and custom networking.</summary>
    public required int EnisUsed { get; init; }

    /// <summary>IPv4 addresses per ENI, the primary included.</summary>
    public required int Ipv4PerEni { get; init; }

    /// <summary>Pod addresses per IPv4 slot: 1 with secondary IPs, 16 with a /28 prefix.</summary>
    public required int AddressesPerSlot { get; init; }

    /// <summary>Addresses the node can hand to pods: <c>EnisUsed × (Ipv4PerEni − 1) × AddressesPerSlot</c>.</summary>
    public required int PodAddressCapacity { get; init; }

    /// <summary>vCPUs that chose the ceiling.</summary>
    public required int VCpus { get; init; }

    /// <summary>True when <see cref="VCpus"/> was derived from the size name because no figure was published.</summary>
    public required bool VCpusDerived { get; init; }

    public required LimitsSource LimitsSource { get; init; }

    public string? CniVersion { get; init; }

    public bool CustomNetworking { get; init; }

    /// <summary>The <c>MAX_ENI</c> value given, or null.</summary>
    public int? MaxEni { get; init; }

    public bool ShowMaxAllowed { get; init; }

    /// <summary>Whether prefix delegation was asked for.</summary>
    public bool PrefixDelegationRequested { get; init; }

    /// <summary>Whether the figure counts /28 prefixes; see <see cref="PrefixDelegationMode"/> for why not.</summary>
    public bool PrefixDelegationApplied => PrefixDelegationMode == PrefixDelegationMode.Applied;

    public required PrefixDelegationMode PrefixDelegationMode { get; init; }

    /// <summary>Plain-language notes on assumptions and fallbacks (derived vCPUs, PD not applicable…).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
