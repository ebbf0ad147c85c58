namespace VpcCni.Simulator.Scenarios;

/// <summary>EC2 state-transition delays (EC2 API Reference, NetworkInterfaceAttachment), in milliseconds; 0 makes a transition complete at once.</summary>
public sealed class ScenarioDelays
{
    public int AttachMs { get; set; }

    public int DetachMs { get; set; }
}
