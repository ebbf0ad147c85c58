using System.Collections.Concurrent;
using System.Text.Json;
using Grpc.Core;
using VpcCni.Engine.Errors;
using VpcCni.Service.Rpc;
using VpcCni.Service.Tests.Support;

namespace VpcCni.Service.Tests;

public sealed class CniBackendServiceTests
{
    [Fact]
    public async Task AddNetworkHandsOutAnAddressWithTheDeviceAndRouteTableOfItsEni()
    {
        await using var service = await ServiceHarness.StartAsync(d => ServiceHarness.SeedSecondaryEni(d, "10.0.5.7/32"));

        var reply = await service.Cni.AddNetworkAsync(ServiceHarness.AddRequest("c1"));

        Assert.True(reply.Success);
        var ip = Assert.Single(reply.IPAllocationMetadata);
        Assert.Equal("10.0.5.7", ip.IPv4Addr);
        Assert.Equal(1, ip.DeviceNumber);
        Assert.Equal(2, ip.RouteTableId);
        Assert.Equal("", ip.IPv6Addr);
    }

    [Fact]
    public async Task RepeatedAddNetworkForTheSameInterfaceReturnsTheSameAddress()
    {
        await using var service = await ServiceHarness.StartAsync(d => ServiceHarness.SeedTwoEnis(d, 4));

        var first = await service.Cni.AddNetworkAsync(ServiceHarness.AddRequest("c1"));
        var second = await service.Cni.AddNetworkAsync(ServiceHarness.AddRequest("c1"));
        var otherInterface = await service.Cni.AddNetworkAsync(ServiceHarness.AddRequest("c1", "eth1"));

        Assert.Equal(first.IPAllocationMetadata, second.IPAllocationMetadata);
        Assert.NotEqual(first.IPAllocationMetadata[0].IPv4Addr, otherInterface.IPAllocationMetadata[0].IPv4Addr);
        Assert.Equal(2, service.Datastore.GetStats().AssignedIps);
    }

    [Fact]
    public async Task AddNetworkWithAnEmptyPoolAnswersSuccessFalseInsteadOfAnError()
    {
        await using var service = await ServiceHarness.StartAsync(d => ServiceHarness.SeedSecondaryEni(d, "10.0.5.7/32"));
        await service.Cni.AddNetworkAsync(ServiceHarness.AddRequest("c1"));

        var reply = await service.Cni.AddNetworkAsync(ServiceHarness.AddRequest("c2"));

        Assert.False(reply.Success);
        Assert.Empty(reply.IPAllocationMetadata);
    }

    [Fact]
    public async Task AddNetworkWithoutContainerIdFailsWithInvalidArgumentNamingTheField()
    {
        await using var service = await ServiceHarness.StartAsync(d => ServiceHarness.SeedSecondaryEni(d, "10.0.5.7/32"));
        var request = ServiceHarness.AddRequest("c1");
        request.ContainerID = "";

        var error = await ServiceHarness.FailsAsync(() => service.Cni.AddNetworkAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("AddNetworkRequest.ContainerID", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(ErrorIds.Service.MissingRequestField, error.Trailers.GetValue(VpcCniExceptionInterceptor.ErrorIdTrailer));
        Assert.Equal(0, service.Datastore.GetStats().AssignedIps);
    }

    [Fact]
    public async Task DelNetworkWithoutInterfaceNameFailsWithInvalidArgumentNamingTheField()
    {
        await using var service = await ServiceHarness.StartAsync();
        var request = ServiceHarness.DelRequest("c1");
        request.IfName = "";

        var error = await ServiceHarness.FailsAsync(() => service.Cni.DelNetworkAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("DelNetworkRequest.IfName", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DelNetworkOfAnUnknownPodSucceedsWithNoAddresses()
    {
        await using var service = await ServiceHarness.StartAsync();

        var reply = await service.Cni.DelNetworkAsync(ServiceHarness.DelRequest("never-added"));

        Assert.True(reply.Success);
        Assert.Empty(reply.IPAllocationMetadata);
    }

    [Fact]
    public async Task DelNetworkReleasesTheAddressThePodWasGiven()
    {
        await using var service = await ServiceHarness.StartAsync(d => ServiceHarness.SeedSecondaryEni(d, "10.0.5.7/32"));
        await service.Cni.AddNetworkAsync(ServiceHarness.AddRequest("c1"));

        var reply = await service.Cni.DelNetworkAsync(ServiceHarness.DelRequest("c1"));
        var again = await service.Cni.DelNetworkAsync(ServiceHarness.DelRequest("c1"));

        Assert.True(reply.Success);
        var ip = Assert.Single(reply.IPAllocationMetadata);
        Assert.Equal(("10.0.5.7", 1, 2), (ip.IPv4Addr, ip.DeviceNumber, ip.RouteTableId));
        Assert.True(again.Success);
        Assert.Empty(again.IPAllocationMetadata);
        Assert.Equal(0, service.Datastore.GetStats().AssignedIps);
    }

    [Fact]
    public async Task AddNetworkRecordsThePodInTheCheckpointOnDisk()
    {
        await using var service = await ServiceHarness.StartAsync(d => ServiceHarness.SeedSecondaryEni(d, "10.0.5.7/32"));

        await service.Cni.AddNetworkAsync(ServiceHarness.AddRequest("c1"));

        using var checkpoint = JsonDocument.Parse(await File.ReadAllTextAsync(service.CheckpointPath));
        var allocation = Assert.Single(checkpoint.RootElement.GetProperty("allocations").EnumerateArray());
        Assert.Equal("10.0.5.7", allocation.GetProperty("ipv4").GetString());
        Assert.Equal("c1", allocation.GetProperty("containerID").GetString());
        Assert.Equal("eth0", allocation.GetProperty("ifName").GetString());
        Assert.Equal(ServiceHarness.NetworkName, allocation.GetProperty("networkName").GetString());
        Assert.Equal("pod-c1", allocation.GetProperty("metadata").GetProperty("k8sPodName").GetString());
        Assert.Equal("default", allocation.GetProperty("metadata").GetProperty("k8sPodNamespace").GetString());
    }

    [Fact]
    public async Task AddNetworkReplyCarriesExternalSnatVpcCidrsAndPolicyModeFromTheNodeSettings()
    {
        await using var service = await ServiceHarness.StartAsync(
            d => ServiceHarness.SeedSecondaryEni(d, "10.0.5.7/32"),
            new Dictionary<string, string?>
            {
                ["NodeNetwork:UseExternalSnat"] = "true",
                ["NodeNetwork:VpcV4Cidrs:0"] = "10.0.0.0/16",
                ["NodeNetwork:VpcV4Cidrs:1"] = "100.64.0.0/16",
                ["NodeNetwork:NetworkPolicyMode"] = "standard",
            });

        var added = await service.Cni.AddNetworkAsync(ServiceHarness.AddRequest("c1"));
        var deleted = await service.Cni.DelNetworkAsync(ServiceHarness.DelRequest("c1"));

        Assert.True(added.UseExternalSNAT);
        Assert.Equal(["10.0.0.0/16", "100.64.0.0/16"], added.VPCv4CIDRs);
        Assert.Equal("standard", added.NetworkPolicyMode);
        Assert.Equal("standard", deleted.NetworkPolicyMode);
        Assert.Equal(0, added.PodVlanId);
    }

    [Fact]
    public async Task AddNetworkAnswersUnavailableWithTheErrorIdWhenTheCheckpointCannotBeWritten()
    {
        using var directory = new TempDirectory();
        var blocker = Path.Combine(directory.Path, "not-a-directory");
        await File.WriteAllTextAsync(blocker, "");
        await using var service = await ServiceHarness.StartAsync(
            d => ServiceHarness.SeedSecondaryEni(d, "10.0.5.7/32"),
            new Dictionary<string, string?> { ["Datastore:CheckpointPath"] = Path.Combine(blocker, "ipam.json") },
            directory);

        var error = await ServiceHarness.FailsAsync(() => service.Cni.AddNetworkAsync(ServiceHarness.AddRequest("c1")).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(ErrorIds.Checkpoint.WriteFailed, error.Trailers.GetValue(VpcCniExceptionInterceptor.ErrorIdTrailer));
        Assert.Equal(0, service.Datastore.GetStats().AssignedIps);
    }

    [Fact]
    public async Task TwoParallelStreamsOfAddsAndDelsHandOutNoAddressTwiceAndLoseNone()
    {
        const int PerStream = 200;
        await using var service = await ServiceHarness.StartAsync(d => ServiceHarness.SeedTwoEnis(d, PerStream));
        var given = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var duplicates = new ConcurrentBag<string>();
        var mismatches = new ConcurrentBag<string>();

        async Task Stream(string name)
        {
            var client = service.Cni;
            for (var i = 0; i < PerStream; i++)
            {
                var id = $"{name}-{i}";
                var reply = await client.AddNetworkAsync(ServiceHarness.AddRequest(id));
                Assert.True(reply.Success, $"AddNetwork {id} answered Success=false");
                if (!given.TryAdd(reply.IPAllocationMetadata[0].IPv4Addr, id))
                {
                    duplicates.Add(reply.IPAllocationMetadata[0].IPv4Addr);
                }

                // Interleave releases with the other stream's adds: free every second pod right away.
                if (i % 2 == 1)
                {
                    await DeleteAsync(client, $"{name}-{i - 1}");
                }
            }

            for (var i = PerStream - 1; i >= 0; i -= 2)
            {
                await DeleteAsync(client, $"{name}-{i}");
            }
        }

        async Task DeleteAsync(VpcCni.Engine.Rpc.CNIBackend.CNIBackendClient client, string id)
        {
            var reply = await client.DelNetworkAsync(ServiceHarness.DelRequest(id));
            var released = reply.IPAllocationMetadata.Count == 1 ? reply.IPAllocationMetadata[0].IPv4Addr : "(none)";
            if (!given.TryGetValue(released, out var holder) || holder != id)
            {
                mismatches.Add($"{id} released {released}");
            }
        }

        await Task.WhenAll(Task.Run(() => Stream("a")), Task.Run(() => Stream("b")));

        // Released addresses cool down for 30 s, so within the test every address is handed out at most once.
        Assert.Empty(duplicates);
        Assert.Empty(mismatches);
        Assert.Equal(2 * PerStream, given.Count);
        var stats = service.Datastore.GetStats();
        Assert.Equal(0, stats.AssignedIps);
        using var checkpoint = JsonDocument.Parse(await File.ReadAllTextAsync(service.CheckpointPath));
        Assert.Empty(checkpoint.RootElement.GetProperty("allocations").EnumerateArray());
    }
}
