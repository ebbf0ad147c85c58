using System.Net;
using System.Net.NetworkInformation;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Linux.Wiring;
using VpcCni.Engine.Rpc;
using VpcCni.Service.Tests.Node.Support;
using VpcCni.Service.Tests.Support;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Service.Tests.Node;

/// <summary>
/// The node-wide host network at start and the restored pods' rules, seen at the boundary: the real
/// host against the simulator through the real AWS clients, with the host network recorded.
/// </summary>
public sealed class NodeHostNetworkTests
{
    [Fact]
    public async Task InitSetsUpTheNodeHostNetworkOnceBeforeAnyEniWithTheVpcCidrsFromInstanceMetadataAndTheSnatSettings()
    {
        var scenario = Scenario.Default();
        scenario.Vpc.CidrBlocks.Add("172.31.0.0/16");
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = scenario }, CancellationToken.None);
        var primary = await PrimaryEniAsync(sim);
        using var directory = new TempDirectory();

        await using var node = await NodeHarness.StartAsync(sim, directory, new Dictionary<string, string?>
        {
            ["DISABLE_NETWORK_RESOURCE_PROVISIONING"] = "true",
            ["AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS"] = "192.168.0.0/16,100.64.0.0/10",
            ["AWS_VPC_K8S_CNI_RANDOMIZESNAT"] = "hashrandom",
            ["AWS_EXTERNAL_SERVICE_CIDRS"] = "198.18.0.0/15",
            ["DISABLE_TCP_EARLY_DEMUX"] = "true",
        });

        var (spec, enisAlreadySetUp) = Assert.Single(node.HostNetwork.Setups);
        Assert.Equal(0, enisAlreadySetUp);
        Assert.Single(node.Host.SetUp);
        Assert.Equal(PhysicalAddress.Parse(primary.MacAddress!.Replace(':', '-')), spec.PrimaryMac);
        var filter = spec.PacketFilter;
        Assert.Equal(["10.0.0.0/16", "172.31.0.0/16"], filter.VpcCidrs.Select(c => c.ToString()));
        Assert.Equal(primary.PrimaryIpAddress, filter.NodePrimaryIpv4);
        Assert.Equal(["192.168.0.0/16", "100.64.0.0/10"], filter.ExcludedSnatCidrs.Select(c => c.ToString()));
        Assert.Equal((false, SnatRandomization.HashRandom, true, 0x80u, "eni"), (filter.ExternalSnat, filter.Randomization, filter.NodePortSupport, filter.ConnmarkMark, filter.VethPrefix));
        filter.Validate(); // what the real packet filter accepts
        var rules = spec.HostRules;
        Assert.Equal((true, false, false, 0x80u, true), (rules.NodePortSupport, rules.ExternalSnat, rules.SgpStrict, rules.ConnmarkMask, rules.DisableTcpEarlyDemux));
        Assert.Equal(["198.18.0.0/15"], rules.ExternalServiceCidrs!.Select(c => c.ToString()));
        Assert.True(rules.WantsFwmarkRule);
        Assert.Equal([0], node.HostNetwork.Rewrites); // a fresh node restores no pod
    }

    [Fact]
    public async Task WithExternalSnatAndNodePortSupportOffTheNodeAsksForNoSnatAndNoFwmarkRule()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = Scenario.Default() }, CancellationToken.None);
        using var directory = new TempDirectory();

        await using var node = await NodeHarness.StartAsync(sim, directory, new Dictionary<string, string?>
        {
            ["DISABLE_NETWORK_RESOURCE_PROVISIONING"] = "true",
            ["AWS_VPC_K8S_CNI_EXTERNALSNAT"] = "true",
            ["AWS_VPC_CNI_NODE_PORT_SUPPORT"] = "false",
        });

        var spec = Assert.Single(node.HostNetwork.Setups).Spec;
        Assert.True(spec.PacketFilter.ExternalSnat);
        Assert.False(spec.PacketFilter.NodePortSupport);
        Assert.True(spec.HostRules.ExternalSnat);
        Assert.False(spec.HostRules.WantsFwmarkRule);
    }

    [Fact]
    public async Task ARestartRewritesTheRulesOfEveryRestoredPodWithTheTableOfItsEni()
    {
        // One address on the primary ENI and one on a secondary ENI at device 1, so two pods take one each.
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = Scenario.Default() }, CancellationToken.None);
        var (ec2, client) = NodeHarness.Ec2(sim);
        using var _ = client;
        var primary = await PrimaryEniAsync(sim);
        var onPrimary = (await ec2.AssignPrivateIpAddressesAsync(Ec2AssignPrivateIpRequest.Addresses(primary.NetworkInterfaceId, 1), default)).Addresses.Single();
        var secondary = await ec2.CreateNetworkInterfaceAsync(new Ec2CreateNetworkInterfaceRequest { SubnetId = primary.SubnetId! }, default);
        await ec2.AttachNetworkInterfaceAsync(new Ec2AttachNetworkInterfaceRequest(secondary.NetworkInterfaceId, sim.World.DefaultInstanceId, 1), default);
        var onSecondary = (await ec2.AssignPrivateIpAddressesAsync(Ec2AssignPrivateIpRequest.Addresses(secondary.NetworkInterfaceId, 1), default)).Addresses.Single();
        var settings = new Dictionary<string, string?> { ["DISABLE_NETWORK_RESOURCE_PROVISIONING"] = "true" };
        using var directory = new TempDirectory();

        await using (var first = await NodeHarness.StartAsync(sim, directory, settings))
        {
            Assert.True((await first.Cni.AddNetworkAsync(ServiceHarness.AddRequest("pod-1"))).Success);
            Assert.True((await first.Cni.AddNetworkAsync(ServiceHarness.AddRequest("pod-2"))).Success);
            Assert.Empty(first.HostNetwork.PodRules); // the plugin writes a new pod's rules, not the node
        }

        await using var restarted = await NodeHarness.StartAsync(sim, directory, settings);

        Assert.Equal([2], restarted.HostNetwork.Rewrites);
        Assert.Equal(
            new Dictionary<IPAddress, int> { [onPrimary] = RouteTables.Main, [onSecondary] = RouteTables.ForEni(0, 1) },
            restarted.HostNetwork.PodRules);
    }

    [Fact]
    public async Task AFailedHostNetworkSetupStopsStartUpBeforeAnyEniIsSetUpOrTheSocketIsBound()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = Scenario.Default() }, CancellationToken.None);
        using var directory = new TempDirectory();
        var refusal = new VpcCniException(VpcCniErrorCategory.PermissionDenied, ErrorIds.Node.HostNetworkSetupFailed, "iptables-restore refused");

        var e = await Assert.ThrowsAsync<VpcCniException>(() => NodeHarness.StartAsync(sim, directory, hostNetworkFailure: refusal));

        Assert.Equal(ErrorIds.Node.HostNetworkSetupFailed, e.ErrorId);
        Assert.False(File.Exists(ServiceHarness.SocketPathIn(directory)));
        Assert.Equal(0, NodeHarness.Requests(sim, "DescribeNetworkInterfaces"));
    }

    [Fact]
    public async Task TheBuiltServiceWithTheHostNetworkSimulatedLogsWhatItRecordsInsteadOfProgrammingTheMachine()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = Scenario.Default() }, CancellationToken.None);
        using var directory = new TempDirectory();
        await using (var node = NodeProcess.StartAgainst(sim, directory))
        {
            Assert.Contains("VPC CIDRs 10.0.0.0/16", await node.WaitForLineAsync("Simulated node host network recorded"), StringComparison.Ordinal);
            await node.WaitForLineAsync("IPAM socket:");
            using var channel = UnixSocketChannel.Create(ServiceHarness.SocketPathIn(directory));
            var cni = new CNIBackend.CNIBackendClient(channel);
            await NodeHarness.EventuallyAsync(() => cni.AddNetwork(ServiceHarness.AddRequest("pod-1")).Success, "the pool hands out an address");
            await node.SignalAsync("TERM");
            Assert.Equal(0, await node.WaitForExitAsync());
        }

        await using var restarted = NodeProcess.StartAgainst(sim, directory);
        await restarted.WaitForLineAsync("Simulated host rules of 1 restored pods recorded");
    }

    private static async Task<Ec2NetworkInterface> PrimaryEniAsync(SimulatorServer sim)
    {
        var (ec2, client) = NodeHarness.Ec2(sim);
        using var _ = client;
        return (await ec2.DescribeNetworkInterfacesAsync(Ec2DescribeQuery.All, default)).Single();
    }
}
