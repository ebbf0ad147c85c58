using System.Management.Automation;
using VpcCni.Engine.Introspection;

namespace VpcCni.PowerShell.Commands;

/// <summary>Gets a running node's Prometheus metrics (<c>/metrics</c>) as one object per sample.</summary>
[Cmdlet(VerbsCommon.Get, "VpcCniMetric")]
[OutputType(typeof(PrometheusSample))]
public sealed class GetVpcCniMetricCommand : VpcCniIntrospectionCmdlet
{
    /// <summary>Metric names (sample or family) to keep; wildcards allowed.</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(MetricNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>The node's metrics endpoint (its own parameter name, so that a simulation's introspection Endpoint does not bind to it).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(EndpointCompleter))]
    [ValidateNotNullOrEmpty]
    public string MetricsEndpoint { get; set; } = IntrospectionEndpoint.DefaultMetrics;

    protected override void ProcessRecord()
    {
        var samples = Read(MetricsEndpoint, (c, ct) => c.GetMetricsAsync(ct), "Reading /metrics");
        var wildcards = Name?.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToArray();
        WriteMatching(samples?.Where(s => wildcards is null || wildcards.Any(w => w.IsMatch(s.Name) || w.IsMatch(s.Family))), null, null);
    }
}
