namespace VpcCni.Simulator.Scenarios;

/// <summary>A running instance: a real instance type, its primary subnet (or AZ), and an optional network namespace for the dataplane hook.</summary>
public sealed class ScenarioInstance
{
    public string? Id { get; set; }

    public string InstanceType { get; set; } = "m5.large";

    /// <summary>The subnet of the primary ENI; when absent, the first subnet of <see cref="AvailabilityZone"/>.</summary>
    public string? SubnetId { get; set; }

    public string? AvailabilityZone { get; set; }

    /// <summary>Network namespace name (or a path such as /var/run/netns/x) mirrored by the dataplane hook.</summary>
    public string? Netns { get; set; }

    public Dictionary<string, string> Tags { get; set; } = [];
}
