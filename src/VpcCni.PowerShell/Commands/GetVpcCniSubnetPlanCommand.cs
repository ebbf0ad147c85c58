using System.Management.Automation;
using VpcCni.Engine.Capacity;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Checks whether pod subnets hold a workload (pods per node × nodes per AZ × growth factor), with
/// the /28 view for prefix delegation and the smallest subnet that fits.
/// </summary>
[Cmdlet(VerbsCommon.Get, "VpcCniSubnetPlan")]
[OutputType(typeof(SubnetPlan))]
public sealed class GetVpcCniSubnetPlanCommand : VpcCniCapacityCmdlet
{
    /// <summary>Instance types whose max pods stand in for -PodsPerNode when that is not given.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(InstanceTypeCompleter))]
    public string[]? InstanceType { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("MaxPods")]
    [ValidateRange(1, WarmPoolRecommender.MaxPodCount)]
    public int? PodsPerNode { get; set; }

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, int.MaxValue)]
    public int NodesPerAz { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public decimal GrowthFactor { get; set; } = 1m;

    /// <summary>Prefix length of every AZ's pod subnet (20 for a /20).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(SubnetPlanner.MinimumPrefixLength, SubnetPlanner.MaximumPrefixLength)]
    public int? PrefixLength { get; set; }

    /// <summary>One pod subnet CIDR per AZ; overrides -PrefixLength and -AvailabilityZoneCount.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("CidrBlock")]
    [ValidateNotNullOrEmpty]
    public string[]? Cidr { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("AzCount")]
    [ValidateRange(1, 64)]
    public int? AvailabilityZoneCount { get; set; }

    protected override void ProcessRecord()
    {
        var byInstance = InstanceType is { Length: > 0 } || HasExplicitLimits;
        foreach (var type in TypesOrNone(InstanceType))
        {
            WriteResult(
                () => SubnetPlanner.Default.Plan(new SubnetPlanRequest
                {
                    PodsPerNode = PodsPerNode,
                    Instance = byInstance ? InstanceRequest(type) : null,
                    NodesPerAz = NodesPerAz,
                    GrowthFactor = GrowthFactor,
                    PrefixLength = PrefixLength,
                    Cidrs = Cidr?.Select(SubnetPlanner.ParseCidr).ToList(),
                    AvailabilityZoneCount = AvailabilityZoneCount,
                    PrefixDelegation = PrefixDelegation.IsPresent,
                }),
                type);
        }
    }
}
