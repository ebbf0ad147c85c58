namespace VpcCni.Simulator.Scenarios;

/// <summary>The scenario's VPC: IPv4 CIDR blocks (first = primary) and an optional IPv6 block.</summary>
public sealed class ScenarioVpc
{
    public string? Id { get; set; }

    public List<string> CidrBlocks { get; set; } = ["10.0.0.0/16"];

    public string? Ipv6CidrBlock { get; set; }
}
