using VpcCni.Simulator.Scenarios;

namespace VpcCni.Bench;

/// <summary>
/// The latency profile the burst benchmark gives the simulator, and the floor and the minimum EC2
/// calls it implies. The simulator answers at once by default; then the EC2 floor of a burst is a few
/// milliseconds of loopback HTTP, and a ratio to it measures the machine, not the design. These
/// figures are of the order EC2 shows for these calls (hundreds of milliseconds per mutating call, about
/// a second for an attachment to complete and as long again for instance metadata to list the ENI);
/// they are an assumption of this benchmark, not a measurement of AWS.
/// </summary>
internal static class BurstProfile
{
    public const string InstanceType = "m5.4xlarge";
    public const int Pods = 100;

    /// <summary>Secondary IPv4 addresses per ENI on an m5.4xlarge (30 addresses, one primary).</summary>
    public const int AddressesPerEni = 29;

    /// <summary>Every EC2 call, whatever its action (describes, ModifyNetworkInterfaceAttribute).</summary>
    public const int BaseCallMs = 100;
    public const int AssignMs = 200;
    public const int CreateMs = 300;
    public const int AttachMs = 300;

    /// <summary>Scenario <c>delays.attachMs</c>: attaching → attached.</summary>
    public const int AttachingMs = 1000;

    /// <summary>Scenario <c>imds.attachLagMs</c>: instance metadata lists the ENI this long after it is attached.</summary>
    public const int ImdsLagMs = 1000;

    /// <summary>ENIs to create after the primary ENI is full.</summary>
    public static int EnisNeeded => (Pods - AddressesPerEni + AddressesPerEni - 1) / AddressesPerEni;

    /// <summary>
    /// The critical path of the fewest calls: the primary ENI's assign beside the subnet listing (subnet
    /// discovery is on by default, as upstream's) and then each new ENI's create → attach → attached →
    /// listed in instance metadata (ModifyNetworkInterfaceAttribute runs within the last two; the ENIs
    /// run side by side).
    /// </summary>
    public static int FloorMs => Math.Max(AssignMs, BaseCallMs + CreateMs + AttachMs + AttachingMs + ImdsLagMs);

    /// <summary>
    /// One assign on the primary ENI, one DescribeSubnets to choose the subnet of the new ENIs, then
    /// Create, Attach, ModifyNetworkInterfaceAttribute per new ENI.
    /// </summary>
    public static int MinimumCalls => 1 + 1 + (3 * EnisNeeded);

    public static Scenario CreateScenario()
    {
        var scenario = Scenario.Default();
        scenario.Instances[0].InstanceType = InstanceType;
        scenario.Delays.AttachMs = AttachingMs;
        scenario.Imds.AttachLagMs = ImdsLagMs;
        scenario.Faults.Add(new FaultRule { Action = "*", LatencyMs = BaseCallMs });
        scenario.Faults.Add(new FaultRule { Action = "AssignPrivateIpAddresses", LatencyMs = AssignMs - BaseCallMs });
        scenario.Faults.Add(new FaultRule { Action = "CreateNetworkInterface", LatencyMs = CreateMs - BaseCallMs });
        scenario.Faults.Add(new FaultRule { Action = "AttachNetworkInterface", LatencyMs = AttachMs - BaseCallMs });
        return scenario;
    }

    /// <summary>The profile as the document states it.</summary>
    public static string Describe() =>
        $"every EC2 call {BaseCallMs} ms, AssignPrivateIpAddresses {AssignMs} ms, CreateNetworkInterface {CreateMs} ms, AttachNetworkInterface {AttachMs} ms "
        + $"(scenario `faults[].latencyMs`); attaching → attached {AttachingMs} ms (`delays.attachMs`); instance metadata lists a new ENI {ImdsLagMs} ms after that (`imds.attachLagMs`), its addresses with it (`imds.ipLagMs` 0)";
}
