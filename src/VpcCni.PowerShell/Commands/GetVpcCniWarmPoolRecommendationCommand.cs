using System.Management.Automation;
using VpcCni.Engine.Capacity;
using VpcCni.Engine.Errors;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Recommends WARM_IP_TARGET, MINIMUM_IP_TARGET and WARM_ENI_TARGET for a workload on an instance
/// type, and checks them against what the instance can hold.
/// </summary>
[Cmdlet(VerbsCommon.Get, "VpcCniWarmPoolRecommendation")]
[OutputType(typeof(WarmPoolRecommendation))]
public sealed class GetVpcCniWarmPoolRecommendationCommand : VpcCniCapacityCmdlet
{
    /// <summary>Instance types; optional when -EniLimit and -Ipv4PerEni are given.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(InstanceTypeCompleter))]
    public string[]? InstanceType { get; set; }

    /// <summary>Pods a node runs in normal operation.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, WarmPoolRecommender.MaxPodCount)]
    public int PodsPerNode { get; set; }

    /// <summary>Pods that may land on one node at once during scale-up.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Burst")]
    [ValidateRange(0, WarmPoolRecommender.MaxPodCount)]
    public int ScaleUpPods { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var type in TypesOrNone(InstanceType))
        {
            try
            {
                var recommendation = WarmPoolRecommender.Default.Recommend(new WarmPoolRequest
                {
                    Instance = InstanceRequest(type),
                    PodsPerNode = PodsPerNode,
                    ScaleUpPods = ScaleUpPods,
                });
                foreach (var warning in recommendation.Warnings)
                {
                    WriteWarning(warning);
                }

                WriteObject(recommendation);
            }
            catch (VpcCniException ex)
            {
                ReportError(ex, type);
            }
        }
    }
}
