using System.Net;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam.Execution;
using VpcCni.Engine.Tests.Ipam.Execution.Support;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Engine.Tests.Ipam.Execution;

/// <summary><see cref="Ec2EniProvider"/> against the simulator's EC2 and IMDS.</summary>
public sealed class Ec2EniProviderTests
{
    [Fact]
    public async Task CreatedEniIsAttachedAtTheNextFreeDeviceMarkedDeleteOnTerminationTaggedAndSetUpOnTheHost()
    {
        await using var node = await SimulatedNode.StartAsync();

        var eni = await node.Provider.CreateEniAsync(addressCount: 3, prefixCount: 0, default);

        var described = (await node.DescribeAsync(eni.Descriptor.Id))!;
        Assert.Equal(Ec2NetworkInterfaceStatus.InUse, described.Status);
        Assert.Equal(1, described.Attachment!.DeviceIndex);
        Assert.True(described.Attachment.DeleteOnTermination);
        Assert.Equal(node.Aws.InstanceId, described.Tags["node.k8s.amazonaws.com/instance_id"]);
        Assert.Equal("aws-K8S-" + node.Aws.InstanceId, described.Description);
        Assert.Equal(Sorted(described.SecondaryIpAddresses.Select(a => new IPNetwork(a, 32))), Sorted(eni.Cidrs));
        Assert.Equal((1, 2), (eni.Descriptor.DeviceNumber, eni.Descriptor.RouteTableId));
        var hostSide = Assert.Single(node.Host.SetUp);
        Assert.Equal((1, described.PrimaryIpAddress, IPNetwork.Parse("10.0.0.0/19")), (hostSide.DeviceNumber, hostSide.PrimaryIp, hostSide.Subnet));
    }

    [Fact]
    public async Task SecondEniTakesTheNextDeviceIndex()
    {
        await using var node = await SimulatedNode.StartAsync();

        await node.Provider.CreateEniAsync(1, 0, default);
        var second = await node.Provider.CreateEniAsync(1, 0, default);

        Assert.Equal(2, second.Descriptor.DeviceNumber);
    }

    [Fact]
    public async Task CreateReturnsOnlyOnceInstanceMetadataListsTheEniAndItsAddresses()
    {
        await using var node = await SimulatedNode.StartAsync(configure: s => s.Imds = new ScenarioImds { AttachLagMs = 400, IpLagMs = 400 });

        var eni = await node.Provider.CreateEniAsync(addressCount: 2, prefixCount: 0, default);

        var listed = (await node.Aws.Imds().GetAttachedNetworkInterfacesAsync(default)).Single(e => e.NetworkInterfaceId == eni.Descriptor.Id);
        Assert.Equal(3, listed.Ipv4Addresses.Count);
        Assert.Single(node.Host.SetUp);
    }

    [Fact]
    public async Task PrefixEniCarriesTheGrantedPrefixes()
    {
        await using var node = await SimulatedNode.StartAsync(prefixDelegation: true);

        var eni = await node.Provider.CreateEniAsync(addressCount: 0, prefixCount: 2, default);

        Assert.Equal(2, eni.Cidrs.Count);
        Assert.All(eni.Cidrs, c => Assert.Equal(28, c.PrefixLength));
        Assert.Equal(Sorted(eni.Cidrs), Sorted((await node.DescribeAsync(eni.Descriptor.Id))!.Ipv4Prefixes));
    }

    [Fact]
    public async Task EniWhoseAttachFailsIsDeleted()
    {
        await using var node = await SimulatedNode.StartAsync();
        node.Aws.Sim.InjectFault(new FaultRule { Action = "AttachNetworkInterface", ErrorCode = Ec2ErrorCodes.AttachmentLimitExceeded, Count = 1 });

        var error = await Assert.ThrowsAsync<Ec2ApiException>(() => node.Provider.CreateEniAsync(1, 0, default));

        Assert.True(error.Is(Ec2ErrorCodes.AttachmentLimitExceeded));
        Assert.Single(node.Aws.Requests("DeleteNetworkInterface"));
        Assert.Equal([node.PrimaryEniId], (await node.AllEnisAsync()).Select(e => e.NetworkInterfaceId));
    }

    [Fact]
    public async Task EniWhoseHostSetupFailsIsDetachedAndDeleted()
    {
        await using var node = await SimulatedNode.StartAsync();
        node.Host.FailNextSetup = new IOException("link did not come up");

        var error = await Assert.ThrowsAsync<VpcCniException>(() => node.Provider.CreateEniAsync(1, 0, default));

        Assert.Equal(ErrorIds.PoolExecution.HostSetupFailed, error.ErrorId);
        Assert.Single(node.Aws.Requests("DetachNetworkInterface"));
        Assert.Equal([node.PrimaryEniId], (await node.AllEnisAsync()).Select(e => e.NetworkInterfaceId));
    }

    [Fact]
    public async Task EniThatInstanceMetadataNeverListsIsDetachedAndDeleted()
    {
        await using var node = await SimulatedNode.StartAsync(
            configure: s => s.Imds = new ScenarioImds { AttachLagMs = 60_000 }, metadataWait: TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<VpcCniException>(() => node.Provider.CreateEniAsync(1, 0, default));

        Assert.Equal(ErrorIds.PoolExecution.EniNotInMetadata, error.ErrorId);
        Assert.Empty(node.Host.SetUp);
        Assert.Equal([node.PrimaryEniId], (await node.AllEnisAsync()).Select(e => e.NetworkInterfaceId));
    }

    [Fact]
    public async Task FreedEniIsTornDownOnTheHostDetachedAndDeleted()
    {
        await using var node = await SimulatedNode.StartAsync(configure: s => s.Delays = new ScenarioDelays { DetachMs = 200 });
        var eni = await node.Provider.CreateEniAsync(1, 0, default);

        await node.Provider.FreeEniAsync(eni.Descriptor.Id, default);

        Assert.Null(await node.DescribeAsync(eni.Descriptor.Id));
        Assert.Empty(node.Host.SetUp);
    }

    [Fact]
    public async Task FreeingAnEniThatIsAlreadyGoneSucceeds()
    {
        await using var node = await SimulatedNode.StartAsync();
        var eni = await node.Provider.CreateEniAsync(1, 0, default);
        await node.Provider.FreeEniAsync(eni.Descriptor.Id, default);

        await node.Provider.FreeEniAsync(eni.Descriptor.Id, default);

        Assert.Null(await node.DescribeAsync(eni.Descriptor.Id));
    }

    private static IPNetwork[] Sorted(IEnumerable<IPNetwork> cidrs) =>
        [.. cidrs.OrderBy(c => Networking.AddressMath.ToUInt32(c.BaseAddress)).ThenBy(c => c.PrefixLength)];
}
