using VpcCni.Engine.Diagnostics.Checks;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Service.Tests.Diagnostics;

/// <summary>
/// On a node whose host network is simulated the kernel checks say they cannot judge it, rather
/// than pass: the simulated primary ENI's MAC is on no link of this namespace.
/// </summary>
public sealed class SimulatedHostNetworkChecksTests
{
    public static TheoryData<string> KernelChecks() => ["PodRoutes", "SnatRules", "RpFilter", "Mtu"];

    [Theory]
    [MemberData(nameof(KernelChecks))]
    public async Task AKernelCheckWarnsNotCheckableWhenNoLinkHasThePrimaryEnisMac(string name)
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = Scenario.Default() }, CancellationToken.None);
        using var checks = new SimulatedCheckContext(sim);

        var result = await checks.RunAsync(NodeChecks.Select([name]).Single());

        Assert.Equal(NodeCheckStatus.Warn, result.Status);
        Assert.StartsWith("Not checkable: simulated host network", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NamingTheHostNetworkSimulatedSkipsTheLookup()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = Scenario.Default() }, CancellationToken.None);
        using var checks = new SimulatedCheckContext(sim, new NodeCheckOptions { HostNetwork = NodeHostNetworkKind.Simulated });

        var result = await checks.RunAsync(new PodRoutingCheck());

        Assert.Equal("Not checkable: simulated host network (the node was named simulated).", result.Detail);
    }

    [Fact]
    public async Task AnUnreachableIntrospectionEndpointIsAFailOfThatCheckNotAnException()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = Scenario.Default() }, CancellationToken.None);
        using var directory = new TempDirectory();
        using var checks = new SimulatedCheckContext(sim, new NodeCheckOptions { IntrospectionEndpoint = "unix:" + Path.Combine(directory.Path, "absent.sock") });

        var result = await checks.RunAsync(new ServiceHealthCheck());

        Assert.Equal(NodeCheckStatus.Fail, result.Status);
        Assert.StartsWith("Could not check:", result.Detail, StringComparison.Ordinal);
    }
}
