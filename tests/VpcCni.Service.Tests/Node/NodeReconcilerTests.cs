using System.Net;
using Amazon.EC2.Model;
using Microsoft.Extensions.Configuration;
using VpcCni.Engine.Aws;
using VpcCni.Service.Tests.Node.Support;
using VpcCni.Service.Tests.Support;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Service.Tests.Node;

/// <summary>
/// Reconciliation against the simulator: addresses and ENIs are changed through its EC2 behind the
/// node's back. Provisioning is off (DISABLE_NETWORK_RESOURCE_PROVISIONING, as on a node whose ENIs
/// an operator manages), so the pool loop changes nothing itself and every change seen is the
/// reconciliation's; it runs every 200 ms.
/// </summary>
public sealed class NodeReconcilerTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["DISABLE_NETWORK_RESOURCE_PROVISIONING"] = "true",
        ["NodeReconcile:Interval"] = "00:00:00.200",
    };

    [Fact]
    public async Task AnAddressAssignedToThePrimaryEniBehindTheNodesBackShowsUpInTheDatastore()
    {
        await using var sim = await StartSimulatorAsync();
        var (ec2, client) = NodeHarness.Ec2(sim);
        using var _ = client;
        var primary = await PrimaryEniAsync(ec2);
        using var directory = new TempDirectory();
        await using var node = await NodeHarness.StartAsync(sim, directory, Settings);
        Assert.Empty(Addresses(node, primary));

        var added = await ec2.AssignPrivateIpAddressesAsync(Ec2AssignPrivateIpRequest.Addresses(primary, 1), CancellationToken.None);

        var address = Assert.Single(added.Addresses);
        await NodeHarness.EventuallyAsync(() => Addresses(node, primary).Contains(address), $"{address} is in the datastore");
        Assert.True(node.Readiness.CanAssignAddress);
    }

    [Fact]
    public async Task AFreeAddressUnassignedBehindTheNodesBackLeavesTheDatastoreAndAPodsAddressStays()
    {
        await using var sim = await StartSimulatorAsync();
        var (ec2, client) = NodeHarness.Ec2(sim);
        using var _ = client;
        var primary = await PrimaryEniAsync(ec2);
        await ec2.AssignPrivateIpAddressesAsync(Ec2AssignPrivateIpRequest.Addresses(primary, 2), CancellationToken.None);
        using var directory = new TempDirectory();
        await using var node = await NodeHarness.StartAsync(sim, directory, Settings);
        var reply = await node.Cni.AddNetworkAsync(ServiceHarness.AddRequest("pod-1"));
        var held = IPAddress.Parse(reply.IPAllocationMetadata.Single().IPv4Addr);
        var free = Addresses(node, primary).Single(a => !a.Equals(held));

        await ec2.UnassignPrivateIpAddressesAsync(new Ec2UnassignPrivateIpRequest { NetworkInterfaceId = primary, PrivateIpAddresses = [free, held] }, CancellationToken.None);

        await NodeHarness.EventuallyAsync(() => !Addresses(node, primary).Contains(free), $"{free} leaves the datastore");
        await NodeHarness.TicksAsync(5);
        Assert.Equal([held], Addresses(node, primary));
    }

    [Fact]
    public async Task AnEniDetachedBehindTheNodesBackIsDroppedFromTheDatastore()
    {
        await using var sim = await StartSimulatorAsync();
        var (ec2, client) = NodeHarness.Ec2(sim);
        using var _ = client;
        var instance = (await ec2.DescribeInstancesAsync(Ec2DescribeQuery.All, CancellationToken.None)).Single();
        var eni = await ec2.CreateNetworkInterfaceAsync(new Ec2CreateNetworkInterfaceRequest
        {
            SubnetId = instance.SubnetId!,
            Description = "aws-K8S-" + instance.InstanceId,
            SecondaryPrivateIpAddressCount = 2,
            Tags = new Dictionary<string, string> { ["node.k8s.amazonaws.com/instance_id"] = instance.InstanceId },
        }, CancellationToken.None);
        var attachment = await ec2.AttachNetworkInterfaceAsync(
            new Ec2AttachNetworkInterfaceRequest(eni.NetworkInterfaceId, instance.InstanceId, 1), CancellationToken.None);
        using var directory = new TempDirectory();
        await using var node = await NodeHarness.StartAsync(sim, directory, Settings);
        Assert.Equal(2, node.Datastore.Snapshot().Enis.Count);

        await ec2.DetachNetworkInterfaceAsync(attachment.AttachmentId, force: true, CancellationToken.None);

        await NodeHarness.EventuallyAsync(() => node.Datastore.Snapshot().Enis.Count == 1, "the detached ENI is dropped");
        Assert.DoesNotContain(node.Datastore.Snapshot().Enis, e => e.Descriptor.Id == eni.NetworkInterfaceId);
    }

    /// <summary>
    /// The pool releases an address (WARM_IP_TARGET lowered from 2 to 1) and someone assigns it to the ENI again. While
    /// the reconcile cooldown lasts the node does not take it back (upstream <c>ipReconcileCooldown</c>: EC2's reads may
    /// still show an address it has just released); with no cooldown it does, and the pool releases the surplus again.
    /// </summary>
    [Theory]
    [InlineData("01:00:00", false)]
    [InlineData("00:00:00", true)]
    public async Task AnAddressThePoolReleasedIsNotAddedBackWhileTheReconcileCooldownLasts(string cooldown, bool addedBack)
    {
        await using var sim = await StartSimulatorAsync();
        var (ec2, client) = NodeHarness.Ec2(sim);
        using var _ = client;
        var primary = await PrimaryEniAsync(ec2);
        using var directory = new TempDirectory();
        await using var node = await NodeHarness.StartAsync(sim, directory, new Dictionary<string, string?>
        {
            ["WARM_IP_TARGET"] = "2",
            ["NodeReconcile:Interval"] = "00:00:00.200",
            ["NodeReconcile:ReleasedCidrCooldown"] = cooldown,
            ["NodeLoop:DecreaseInterval"] = "00:00:00",
        });
        await NodeHarness.EventuallyAsync(() => Addresses(node, primary).Length == 2, "the primary ENI holds 2 addresses");
        var before = Addresses(node, primary);
        node.App.Configuration["WARM_IP_TARGET"] = "1";
        ((IConfigurationRoot)node.App.Configuration).Reload();
        await NodeHarness.EventuallyAsync(() => NodeHarness.Requests(sim, "UnassignPrivateIpAddresses") == 1, "one address is released");
        var released = before.Except(Addresses(node, primary)).Single();

        await client.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = primary, PrivateIpAddresses = [released.ToString()] });

        if (addedBack)
        {
            await NodeHarness.EventuallyAsync(() => NodeHarness.Requests(sim, "UnassignPrivateIpAddresses") == 2, "the address is added back and the surplus released again");
        }
        else
        {
            var describes = NodeHarness.Requests(sim, "DescribeNetworkInterfaces");
            await NodeHarness.EventuallyAsync(() => NodeHarness.Requests(sim, "DescribeNetworkInterfaces") >= describes + 3, "three more reconciliations describe the ENI");
            Assert.DoesNotContain(released, Addresses(node, primary));
            Assert.Equal(1, NodeHarness.Requests(sim, "UnassignPrivateIpAddresses"));
        }
    }

    [Fact]
    public async Task AnEniAttachedJustBeforeAStartThatInstanceMetadataDoesNotListYetIsAdopted()
    {
        // A node killed right after its attach restarts while IMDS still lags EC2 (docs/service.md, "Crash safety").
        var scenario = Scenario.Default();
        scenario.Imds = new ScenarioImds { AttachLagMs = 6000 };
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = scenario }, CancellationToken.None);
        var (ec2, client) = NodeHarness.Ec2(sim);
        using var _ = client;
        var eni = await AttachTaggedEniAsync(ec2, new Dictionary<string, string>());
        using var directory = new TempDirectory();

        await using var node = await NodeHarness.StartAsync(sim, directory, Settings);
        Assert.Single(node.Datastore.Snapshot().Enis);

        await NodeHarness.EventuallyAsync(() => node.Datastore.Snapshot().Enis.Count == 2, "the attached ENI is adopted", timeoutSeconds: 30);
        var adopted = node.Datastore.Snapshot().Enis.Single(e => e.Descriptor.Id == eni.NetworkInterfaceId);
        Assert.Equal(eni.SecondaryIpAddresses.Select(a => a + "/32").Order(StringComparer.Ordinal), adopted.Cidrs.Select(c => c.Network.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(1, adopted.Descriptor.DeviceNumber);
        Assert.Contains(node.Host.SetUp, s => s.DeviceNumber == 1);
    }

    [Fact]
    public async Task AnEniTaggedNoManageThatIsAttachedLaterIsLeftAlone()
    {
        await using var sim = await StartSimulatorAsync();
        var (ec2, client) = NodeHarness.Ec2(sim);
        using var _ = client;
        using var directory = new TempDirectory();
        await using var node = await NodeHarness.StartAsync(sim, directory, Settings);

        var eni = await AttachTaggedEniAsync(ec2, new Dictionary<string, string> { ["node.k8s.amazonaws.com/no_manage"] = "true" });

        await NodeHarness.EventuallyAsync(() => sim.World.Inspect(w => w.NetworkInterfaces[eni.NetworkInterfaceId].Status == "in-use"), "the attach completes");
        await NodeHarness.TicksAsync(10);
        Assert.DoesNotContain(node.Datastore.Snapshot().Enis, e => e.Descriptor.Id == eni.NetworkInterfaceId);
    }

    /// <summary>Creates an ENI with two secondary addresses, tagged for the instance (plus <paramref name="tags"/>), and attaches it at device 1.</summary>
    private static async Task<Ec2NetworkInterface> AttachTaggedEniAsync(SdkEc2Api ec2, Dictionary<string, string> tags)
    {
        var instance = (await ec2.DescribeInstancesAsync(Ec2DescribeQuery.All, CancellationToken.None)).Single();
        tags["node.k8s.amazonaws.com/instance_id"] = instance.InstanceId;
        var eni = await ec2.CreateNetworkInterfaceAsync(new Ec2CreateNetworkInterfaceRequest
        {
            SubnetId = instance.SubnetId!,
            Description = "aws-K8S-" + instance.InstanceId,
            SecondaryPrivateIpAddressCount = 2,
            Tags = tags,
        }, CancellationToken.None);
        await ec2.AttachNetworkInterfaceAsync(new Ec2AttachNetworkInterfaceRequest(eni.NetworkInterfaceId, instance.InstanceId, 1), CancellationToken.None);
        return eni;
    }

    private static async Task<string> PrimaryEniAsync(SdkEc2Api ec2)
    {
        var instance = (await ec2.DescribeInstancesAsync(Ec2DescribeQuery.All, CancellationToken.None)).Single();
        return instance.NetworkInterfaces.Single(e => e.Attachment?.DeviceIndex == 0).NetworkInterfaceId;
    }

    /// <summary>The addresses the datastore holds on <paramref name="eniId"/>, in order.</summary>
    private static IPAddress[] Addresses(NodeHarness node, string eniId) =>
        [.. node.Datastore.Snapshot().Enis.Single(e => e.Descriptor.Id == eniId).Cidrs.Select(c => c.Network.BaseAddress)];

    private static Task<SimulatorServer> StartSimulatorAsync() =>
        SimulatorServer.StartAsync(new SimulatorOptions { Scenario = Scenario.Default() }, CancellationToken.None);
}
