namespace VpcCni.Simulator.Scenarios;

/// <summary>EC2 request-rate throttling (EC2 API Reference, "Request throttling for the Amazon EC2 API").</summary>
public sealed class ScenarioThrottling
{
    public bool Enabled { get; set; } = true;

    /// <summary>Scales every bucket's capacity and refill rate (0.01 to throttle quickly in a test).</summary>
    public double Multiplier { get; set; } = 1.0;

    /// <summary>
    /// Whether a Describe call that lists only ids (no filter, no paging) is charged to the smaller
    /// "unfiltered and unpaginated" bucket. AWS does not document it; ipamd's DescribeAllENIs is such a call.
    /// </summary>
    public bool IdsOnlyCountsAsUnfiltered { get; set; } = true;

    /// <summary>Per-action bucket overrides, keyed by action name.</summary>
    public Dictionary<string, ScenarioBucket> Overrides { get; set; } = [];
}
