using System.Net;
using VpcCni.Engine.Rpc;
using VpcCni.Service.Tests.Node.Support;
using VpcCni.Service.Tests.Support;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Service.Tests.Node;

/// <summary>
/// The built <c>vpc-cni-node</c>, run without <c>--simulate</c>, against a simulator that outlives it:
/// the configuration a rehearsal uses (<c>AWS_EC2_ENDPOINT</c>, <c>AWS_EC2_METADATA_SERVICE_ENDPOINT</c>,
/// <c>HostNetwork__Simulated</c>), and the restart the crash and steady-state suites build on.
/// </summary>
public sealed class ExternalSimulatorProcessTests
{
    [Fact]
    public async Task TheServiceFillsThePoolOfARunningSimulatorAndAfterKillNineItsPodKeepsItsAddress()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = Scenario.Default() }, CancellationToken.None);
        using var directory = new TempDirectory();
        var socket = ServiceHarness.SocketPathIn(directory);

        string first;
        await using (var node = NodeProcess.StartAgainst(sim, directory))
        {
            await node.WaitForLineAsync("IPAM socket:");
            using var channel = UnixSocketChannel.Create(socket);
            var reply = await ServiceHarness.AddWhenReadyAsync(new CNIBackend.CNIBackendClient(channel), "pod-1");
            first = reply.IPAllocationMetadata.Single().IPv4Addr;
            var address = IPAddress.Parse(first);
            Assert.Contains(sim.World.Inspect(w => w.NetworkInterfaces.Values.SelectMany(e => e.SecondaryIps).ToList()), a => a.Equals(address));

            // WARM_ENI_TARGET=1: the first pod brings a second full ENI; kill only once it is attached.
            await NodeHarness.EventuallyAsync(() => InUse(sim) == 2, "a second ENI is attached");
            await node.SignalAsync("KILL");
            Assert.Equal(137, await node.WaitForExitAsync());
        }

        var creates = NodeHarness.Requests(sim, "CreateNetworkInterface");
        await using var restarted = NodeProcess.StartAgainst(sim, directory);
        await restarted.WaitForLineAsync("IPAM socket:");
        using var again = UnixSocketChannel.Create(socket);
        var replay = await new CNIBackend.CNIBackendClient(again).AddNetworkAsync(ServiceHarness.AddRequest("pod-1"));
        Assert.Equal(first, replay.IPAllocationMetadata.Single().IPv4Addr);
        await Task.Delay(500);
        Assert.Equal(creates, NodeHarness.Requests(sim, "CreateNetworkInterface"));
        Assert.Equal(2, InUse(sim));
    }

    private static int InUse(SimulatorServer sim) => sim.World.Inspect(w => w.NetworkInterfaces.Values.Count(e => e.Status == "in-use"));
}
