using VpcCni.Simulator.Dataplane;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Simulator.Hosting;

/// <summary>How to start a <see cref="SimulatorServer"/>.</summary>
public sealed class SimulatorOptions
{
    public Scenario Scenario { get; set; } = Scenario.Default();

    /// <summary>EC2 (and control) port on 127.0.0.1; 0 picks a free one.</summary>
    public int Ec2Port { get; set; }

    /// <summary>IMDS port of the first instance; 0 picks a free one. Other instances always get free ports.</summary>
    public int ImdsPort { get; set; }

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The dataplane hook; when null and the scenario binds an instance to a namespace, iproute2 is used.</summary>
    public IDataplaneHook? DataplaneHook { get; set; }
}
