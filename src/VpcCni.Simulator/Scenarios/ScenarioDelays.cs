namespace VpcCni.Simulator;

/// <summary>EC2 state-transition delays (wire spec §3.2), in milliseconds; 0 makes a transition complete at once.</summary>
public sealed class ScenarioDelays
{
    public int AttachMs { get; set; }

    public int DetachMs { get; set; }
}
