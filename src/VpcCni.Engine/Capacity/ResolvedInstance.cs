namespace VpcCni.Engine.Capacity;

/// <summary>The figures a calculation uses for one instance, after merging the table with explicit values.</summary>
internal sealed record ResolvedInstance(
    string? InstanceType,
    int EniLimit,
    int Ipv4PerEni,
    int VCpus,
    bool VCpusDerived,
    bool SupportsPrefixDelegation,
    LimitsSource Source,
    IReadOnlyList<string> Notes);
