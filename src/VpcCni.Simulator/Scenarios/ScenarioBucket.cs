namespace VpcCni.Simulator.Scenarios;

/// <summary>A token bucket override for one action: capacity and refill rate per second.</summary>
public sealed class ScenarioBucket
{
    public double Capacity { get; set; }

    public double RefillPerSecond { get; set; }
}
