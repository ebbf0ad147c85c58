using VpcCni.Engine.Aws;
using VpcCni.Service.Tests.Node.Support;
using VpcCni.Service.Tests.Support;
using VpcCni.Simulator.Hosting;

namespace VpcCni.Service.Tests.Node;

/// <summary>
/// AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG with the local ENIConfig source: new ENIs follow the node's
/// ENIConfig (upstream pkg/eniconfig/eniconfig.go picks it), the primary ENI gives pods no address.
/// </summary>
public sealed class CustomNetworkingTests
{
    [Fact]
    public async Task NewEnisGoToTheEniConfigsSubnetWithItsGroupsAndThePrimaryEniGetsNoPodAddresses()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = SubnetScenario.Create() }, CancellationToken.None);
        using var directory = new TempDirectory();
        var configs = EniConfigManifests.WriteYaml(Path.Combine(directory.Path, "eniconfigs"), "pods-a", SubnetScenario.Untagged, SubnetScenario.PodsGroup);
        EniConfigManifests.WriteJson(configs, "default", SubnetScenario.Tagged);

        await using var node = await NodeHarness.StartAsync(sim, directory, EniConfigManifests.Settings(configs, "pods-a"));
        await NodeHarness.EventuallyAsync(() => node.CidrsPerEni.SequenceEqual([0, 9]), "a second ENI with 9 addresses and none on the primary");
        var reply = await node.Cni.AddNetworkAsync(ServiceHarness.AddRequest("pod-1"));
        await NodeHarness.EventuallyAsync(() => node.CidrsPerEni.SequenceEqual([0, 9, 9]), "a third ENI for the warm target");

        Assert.True(reply.Success);
        Assert.Equal(1, reply.IPAllocationMetadata[0].DeviceNumber);
        var (ec2, client) = NodeHarness.Ec2(sim);
        using var _ = client;
        var created = (await ec2.DescribeNetworkInterfacesAsync(Ec2DescribeQuery.All, default)).Where(e => e.Attachment?.DeviceIndex > 0).ToArray();
        Assert.Equal(2, created.Length);
        Assert.All(created, e => Assert.Equal((SubnetScenario.Untagged, SubnetScenario.PodsGroup), (e.SubnetId, Assert.Single(e.SecurityGroupIds))));
        Assert.Equal((0, 2), (NodeHarness.Requests(sim, "AssignPrivateIpAddresses"), NodeHarness.Requests(sim, "CreateNetworkInterface")));
    }

    [Fact]
    public async Task AMissingEniConfigCreatesNoEniUntilItsManifestAppears()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = SubnetScenario.Create() }, CancellationToken.None);
        using var directory = new TempDirectory();
        var configs = EniConfigManifests.WriteYaml(Path.Combine(directory.Path, "eniconfigs"), "default", SubnetScenario.Tagged);

        await using var node = await NodeHarness.StartAsync(sim, directory, EniConfigManifests.Settings(configs, "pods-b"));
        await NodeHarness.TicksAsync(10);

        Assert.Equal([0], node.CidrsPerEni);
        Assert.Equal(0, NodeHarness.Requests(sim, "CreateNetworkInterface") + NodeHarness.Requests(sim, "AssignPrivateIpAddresses"));
        Assert.False(node.Readiness.CanAssignAddress);
        Assert.False((await node.Cni.AddNetworkAsync(ServiceHarness.AddRequest("pod-1"))).Success);

        EniConfigManifests.WriteYaml(configs, "pods-b", SubnetScenario.Untagged);
        await NodeHarness.EventuallyAsync(() => node.CidrsPerEni.SequenceEqual([0, 9]), "the ENI comes once its ENIConfig exists");
        Assert.Equal(SubnetScenario.Untagged, node.Datastore.Snapshot().Enis[1].Descriptor.SubnetId);
    }
}
