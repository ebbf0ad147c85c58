namespace VpcCni.Simulator.Scenarios;

/// <summary>A subnet of the scenario (IPv4 /16../28 inside the VPC; optional IPv6 /64).</summary>
public sealed class ScenarioSubnet
{
    public string? Id { get; set; }

    public string AvailabilityZone { get; set; } = string.Empty;

    public string CidrBlock { get; set; } = string.Empty;

    public string? Ipv6CidrBlock { get; set; }

    public Dictionary<string, string> Tags { get; set; } = [];
}
