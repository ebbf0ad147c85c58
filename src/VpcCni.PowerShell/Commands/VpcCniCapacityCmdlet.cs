using System.Management.Automation;
using VpcCni.Engine.Capacity;
using VpcCni.Engine.Limits;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Parameters shared by the capacity cmdlets: the CNI mode (as <c>max-pods-calculator.sh</c> takes it)
/// and explicit instance limits. All bind by property name, so limit and max-pods objects pipe on.
/// </summary>
public abstract class VpcCniCapacityCmdlet : VpcCniCmdlet
{
    /// <summary>Empty binds as "not given", so objects without a version (max-pods results) pipe on.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    public string? CniVersion { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SwitchParameter CustomNetworking { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("PrefixDelegationRequested")]
    public SwitchParameter PrefixDelegation { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int? MaxEni { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, MaxPodsCalculator.MaxExplicitLimit)]
    public int? EniLimit { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, MaxPodsCalculator.MaxExplicitLimit)]
    public int? Ipv4PerEni { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("VCpus")]
    [ValidateRange(1, MaxPodsCalculator.MaxExplicitLimit)]
    public int? VCpu { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public bool? SupportsPrefixDelegation { get; set; }

    /// <summary>True when the caller gave limits that can stand without an instance type.</summary>
    protected bool HasExplicitLimits => EniLimit is not null || Ipv4PerEni is not null;

    protected MaxPodsRequest InstanceRequest(string? instanceType, bool showMaxAllowed = false, InstanceTypeLimits? resolvedLimits = null) => new()
    {
        InstanceType = instanceType,
        ResolvedLimits = resolvedLimits,
        EniLimit = EniLimit,
        Ipv4PerEni = Ipv4PerEni,
        VCpus = VCpu,
        SupportsPrefixDelegation = SupportsPrefixDelegation,
        CniVersion = string.IsNullOrWhiteSpace(CniVersion) ? null : CniVersion,
        CustomNetworking = CustomNetworking.IsPresent,
        PrefixDelegation = PrefixDelegation.IsPresent,
        MaxEni = MaxEni,
        ShowMaxAllowed = showMaxAllowed,
    };

    /// <summary>The instance types to process: the bound names, or one nameless entry for explicit limits.</summary>
    protected static IEnumerable<string?> TypesOrNone(string[]? instanceTypes) =>
        instanceTypes is { Length: > 0 } ? instanceTypes : new string?[] { null };
}
