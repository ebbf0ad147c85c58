using System.Management.Automation;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Introspection;
using VpcCni.Engine.Ipam.Planning;
using VpcCni.Engine.Limits;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Gets a running node's warm pool per network card: the targets in force, the counts, and the next
/// step the engine's warm-pool planner predicts from the same data (labelled as a prediction).
/// </summary>
[Cmdlet(VerbsCommon.Get, "VpcCniWarmPool")]
[OutputType(typeof(WarmPoolForecast))]
public sealed class GetVpcCniWarmPoolCommand : VpcCniEndpointCmdlet
{
    /// <summary>The node's metrics endpoint, read for the ENI limits unless -InstanceType is given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(EndpointCompleter))]
    [ValidateNotNullOrEmpty]
    public string MetricsEndpoint { get; set; } = IntrospectionEndpoint.DefaultMetrics;

    /// <summary>Take the limits from this instance type's built-in figures instead of the metrics.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(InstanceTypeCompleter))]
    [ValidateNotNullOrEmpty]
    public string? InstanceType { get; set; }

    /// <summary>The node's MINIMUM_IP_TARGET, for a node that does not serve it (upstream's introspection does not); by default the node's.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int? MinimumIpTarget { get; set; }

    /// <summary>The node's WARM_PREFIX_TARGET, for a node that does not serve it (upstream's introspection does not); by default the node's.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int? WarmPrefixTarget { get; set; }

    /// <summary>The node's pod capacity (NodeLoop:MaxPods).</summary>
    [Parameter]
    [ValidateRange(1, 100000)]
    public int MaxPods { get; set; } = 110;

    protected override void ProcessRecord()
    {
        PoolLimits? limits = null;
        if (InstanceType is not null)
        {
            try
            {
                limits = PoolLimits.ForInstanceType(InstanceTypeCatalog.Embedded.Get(InstanceType), networkCard: 0, maxEniSetting: 0, MaxPods);
            }
            catch (VpcCniException ex)
            {
                WriteError(ErrorRecordFactory.Create(ex, InstanceType));
                return;
            }
        }

        var request = new WarmPoolForecastRequest
        {
            MetricsEndpoint = MetricsEndpoint,
            Limits = limits,
            MinimumIpTarget = MinimumIpTarget,
            WarmPrefixTarget = WarmPrefixTarget,
            MaxPods = MaxPods,
        };
        WriteMatching(Read(Endpoint, (c, ct) => c.GetWarmPoolAsync(request, ct), "Reading the pool"), null, null);
    }
}
