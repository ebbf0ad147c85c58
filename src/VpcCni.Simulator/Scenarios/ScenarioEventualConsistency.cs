namespace VpcCni.Simulator.Scenarios;

/// <summary>
/// EC2's own eventual consistency (EC2 API Reference, "Eventual consistency in the Amazon EC2 API"):
/// a resource just created may not yet be found by the calls that follow. 0 turns a window off.
/// </summary>
public sealed class ScenarioEventualConsistency
{
    /// <summary>For this long after CreateNetworkInterface, DescribeNetworkInterfaces and AttachNetworkInterface answer NotFound for the new ENI.</summary>
    public int NetworkInterfaceNotFoundMs { get; set; }
}
