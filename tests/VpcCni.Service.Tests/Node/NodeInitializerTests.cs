using System.Net;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection;
using VpcCni.Engine.Rpc;
using VpcCni.Service.Node;
using VpcCni.Engine.Aws;
using VpcCni.Service.Tests.Node.Support;
using VpcCni.Service.Tests.Support;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Service.Tests.Node;

public sealed class NodeInitializerTests
{
    // The pool loop changes nothing, so what the datastore holds is what initialisation put there.
    private static readonly Dictionary<string, string?> NoProvisioning = new() { ["DISABLE_NETWORK_RESOURCE_PROVISIONING"] = "true" };

    [Fact]
    public async Task InitAddsThePrimaryEniWithItsSecondaryAddressesButNotItsPrimaryAddress()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = Scenario.Default() }, CancellationToken.None);
        var (ec2, client) = NodeHarness.Ec2(sim);
        using var _ = client;
        var primary = (await ec2.DescribeNetworkInterfacesAsync(Ec2DescribeQuery.All, default)).Single();
        var granted = await ec2.AssignPrivateIpAddressesAsync(Ec2AssignPrivateIpRequest.Addresses(primary.NetworkInterfaceId, 3), default);
        using var directory = new TempDirectory();

        await using var node = await NodeHarness.StartAsync(sim, directory, NoProvisioning);

        var eni = Assert.Single(node.Datastore.Snapshot().Enis);
        Assert.Equal(primary.NetworkInterfaceId, eni.Descriptor.Id);
        Assert.True(eni.Descriptor.IsPrimary);
        Assert.Equal(0, eni.Descriptor.DeviceNumber);
        Assert.Equal(
            granted.Addresses.Select(a => new IPNetwork(a, 32).ToString()).Order(StringComparer.Ordinal),
            eni.Cidrs.Select(c => c.Network.ToString()).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(eni.Cidrs, c => c.Network.Contains(primary.PrimaryIpAddress!));
        var facts = node.Readiness.Facts!;
        Assert.Equal((sim.World.DefaultInstanceId, "m5.large", "us-west-2"), (facts.InstanceId, facts.InstanceType, facts.Region));
        Assert.Equal((3, 10), (facts.Limits.EniLimit, facts.Limits.Ipv4PerEni));
        Assert.Equal(primary.MacAddress, facts.PrimaryMac, StringComparer.OrdinalIgnoreCase);
        Assert.True(node.Readiness.CanAssignAddress);
        Assert.True(Assert.Single(node.Host.SetUp).IsPrimary);
    }

    [Fact]
    public async Task WithTheLoopOffNothingIsInitialisedAndTheNodeCannotAssignAddresses()
    {
        await using var service = await ServiceHarness.StartAsync();

        var readiness = service.App.Services.GetRequiredService<NodeReadiness>();

        Assert.False(readiness.IsInitialized);
        Assert.False(readiness.CanAssignAddress);
        Assert.Empty(service.Datastore.Snapshot().Enis);
    }

    [Fact]
    public async Task InitTellsThePluginAndThePolicyAgentTheNodesFactsFromInstanceMetadata()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = Scenario.Default() }, CancellationToken.None);
        var (ec2, client) = NodeHarness.Ec2(sim);
        using var _ = client;
        var primary = (await ec2.DescribeNetworkInterfacesAsync(Ec2DescribeQuery.All, default)).Single();
        using var directory = new TempDirectory();
        await using var node = await NodeHarness.StartAsync(sim, directory);
        await NodeHarness.EventuallyAsync(() => node.Readiness.CanAssignAddress, "the pool has a free address");

        var config = await new ConfigServerBackend.ConfigServerBackendClient(node.Channel).GetNetworkPolicyConfigsAsync(new Empty());
        var reply = await node.Cni.AddNetworkAsync(ServiceHarness.AddRequest("pod-1"));

        Assert.Equal((sim.World.DefaultInstanceId, "us-west-2", primary.PrimaryIpAddress!.ToString()), (config.InstanceID, config.Region, config.NodeIPv4));
        Assert.Equal(["10.0.0.0/16"], reply.VPCv4CIDRs);
    }

    [Fact]
    public async Task InitKeepsTheTrunkWithoutAddressesAndLeavesNoManageAndEfaOnlyEnisOutOfThePool()
    {
        // A type the built-in table lacks, with EFA, so its limits come from EC2 DescribeInstanceTypes.
        var scenario = Scenario.Default();
        scenario.InstanceTypes.Add(new ScenarioInstanceType { InstanceType = "zz1.large", EniLimit = 4, Ipv4PerEni = 10, MaximumEfaInterfaces = 1 });
        scenario.Instances[0].InstanceType = "zz1.large";
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = scenario }, CancellationToken.None);
        var (ec2, client) = NodeHarness.Ec2(sim);
        using var _ = client;
        var primary = (await ec2.DescribeNetworkInterfacesAsync(Ec2DescribeQuery.All, default)).Single();
        var trunk = await AttachAsync(ec2, sim, primary.SubnetId!, 1, "trunk", new Dictionary<string, string>(StringComparer.Ordinal));
        var noManage = await AttachAsync(ec2, sim, primary.SubnetId!, 2, null,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["node.k8s.amazonaws.com/no_manage"] = "true" });
        var efaOnly = await AttachAsync(ec2, sim, primary.SubnetId!, 3, "efa-only", new Dictionary<string, string>(StringComparer.Ordinal));
        using var directory = new TempDirectory();

        await using var node = await NodeHarness.StartAsync(sim, directory, NoProvisioning);

        var enis = node.Datastore.Snapshot().Enis;
        Assert.Equal([primary.NetworkInterfaceId, trunk], enis.Select(e => e.Descriptor.Id));
        Assert.True(enis[1].Descriptor.IsTrunk);
        Assert.Empty(enis[1].Cidrs);
        Assert.Equal(new[] { noManage, efaOnly }.Order(StringComparer.Ordinal), node.Readiness.Facts!.UnmanagedEniIds.Order(StringComparer.Ordinal));
        Assert.Equal((4, 10), (node.Readiness.Facts.Limits.EniLimit, node.Readiness.Facts.Limits.Ipv4PerEni));
        Assert.Equal(1, NodeHarness.Requests(sim, "DescribeInstanceTypes"));
    }

    private static async Task<string> AttachAsync(SdkEc2Api ec2, SimulatorServer sim, string subnetId, int device, string? type, Dictionary<string, string> tags)
    {
        var eni = await ec2.CreateNetworkInterfaceAsync(new Ec2CreateNetworkInterfaceRequest { SubnetId = subnetId, InterfaceType = type, Tags = tags }, default);
        await ec2.AttachNetworkInterfaceAsync(new Ec2AttachNetworkInterfaceRequest(eni.NetworkInterfaceId, sim.World.DefaultInstanceId, device), default);
        return eni.NetworkInterfaceId;
    }
}
