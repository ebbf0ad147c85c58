using System.Net;
using System.Text.Json;
using Amazon.EC2;
using Amazon.EC2.Model;
using VpcCni.Engine.Networking;
using VpcCni.Service.Tests.Node.Support;
using VpcCni.Service.Tests.Support;
using VpcCni.Simulator.Hosting;

namespace VpcCni.Service.Tests.Acceptance;

/// <summary>
/// A node the Go daemon ran before: its ENIs carry the pods' addresses in EC2 (arranged here through the EC2 SDK),
/// and its <c>ipam.json</c> is in upstream's format, as upstream <c>pkg/ipamd/datastore/data_store.go</c>
/// (<c>CheckpointEntry</c>) and <c>pkg/ipamd/datastore/checkpoint.go</c> write it: one line, fields in Go's struct
/// order, <c>allocationTimestamp</c> in Unix nanoseconds, and entries without <c>metadata</c> as releases before it
/// had one wrote them. The service must start with every pod's address intact (docs/ipam.md "Restore").
/// </summary>
public sealed class UpstreamCheckpointTests
{
    /// <summary>
    /// Secondary IPs: pods on the primary ENI and on a second ENI the Go daemon attached; prefixes: pods in two
    /// /28s of the primary ENI (the network address of a prefix is a pod address too). Every pod's repeated ADD
    /// answers its address, new pods get others, and EC2 still has every restored address once the pool is still.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PodsOfAnUpstreamCheckpointKeepTheirAddresses(bool prefixDelegation)
    {
        var restored = new Dictionary<string, IPAddress>(StringComparer.Ordinal);
        await using var node = await AcceptanceNode.StartAsync(
            "m5.large",
            AcceptanceNode.Settings(prefixDelegation ? 110 : 29, prefixDelegation, ("WARM_PREFIX_TARGET", prefixDelegation ? 1 : -1)),
            async (sim, directory) =>
            {
                foreach (var (pod, address) in prefixDelegation ? await PrefixNodeAsync(sim) : await SecondaryIpNodeAsync(sim))
                {
                    restored[pod] = address;
                }

                await File.WriteAllTextAsync(Path.Combine(directory.Path, "ipam.json"), UpstreamCheckpoint(restored));
            });

        await node.Process.WaitForLineAsync($"Checkpoint restored: {restored.Count} assignments back, 0 dropped, 0 kept unplaced");
        foreach (var (pod, address) in restored)
        {
            Assert.Equal(address, await node.AddPodAsync(pod));
        }

        var fresh = new List<IPAddress>();
        for (var i = 0; i < 4; i++)
        {
            fresh.Add(await node.AddPodAsync($"new-{i}"));
        }

        Assert.Empty(fresh.Intersect(restored.Values));
        Assert.Equal(fresh.Count, fresh.Distinct().Count());
        await node.SettleAsync("after the restore");

        var inEc2 = node.Sim.World.Inspect(w => w.NetworkInterfaces.Values
            .Where(e => e.Attachment?.InstanceId == node.InstanceId)
            .SelectMany(e => e.SecondaryIps.Concat(e.Ipv4Prefixes.SelectMany(p => Enumerable.Range(0, 16).Select(i => AddressMath.Nth(p, i)))))
            .ToHashSet());
        Assert.Subset(inEc2, restored.Values.Concat(fresh).ToHashSet());
        var checkpoint = await PodAddressViews.FromCheckpointAsync(node.CheckpointPath);
        Assert.All(restored, p => Assert.Equal(p.Value, checkpoint[p.Key]));
        Assert.Equal((node.AddressesInEc2, restored.Count + fresh.Count), await node.DatastoreTotalsAsync());

        // A restored entry is written back with the nanoseconds upstream wrote, not rounded to .NET's 100 ns.
        using var written = JsonDocument.Parse(await File.ReadAllTextAsync(node.CheckpointPath));
        var first = written.RootElement.GetProperty("allocations").EnumerateArray().Single(a => a.GetProperty("containerID").GetString() == restored.Keys.First());
        Assert.Equal(1_700_000_000_123_456_789, first.GetProperty("allocationTimestamp").GetInt64());
    }

    /// <summary>Six secondary IPs on the primary ENI, a second ENI at device 1 with three; pods on both.</summary>
    private static async Task<Dictionary<string, IPAddress>> SecondaryIpNodeAsync(SimulatorServer sim)
    {
        var (_, ec2) = NodeHarness.Ec2(sim);
        using var client = ec2;
        var (instanceId, primaryEni, subnetId) = Primary(sim);
        var onPrimary = (await client.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = primaryEni, SecondaryPrivateIpAddressCount = 6 }))
            .AssignedPrivateIpAddresses.Select(a => IPAddress.Parse(a.PrivateIpAddress)).ToArray();
        var second = (await client.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest
        {
            SubnetId = subnetId,
            SecondaryPrivateIpAddressCount = 3,
            Description = "aws-K8S-" + instanceId,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.NetworkInterface, Tags = [new Tag("node.k8s.amazonaws.com/instance_id", instanceId)] }],
        })).NetworkInterface;
        await client.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest { NetworkInterfaceId = second.NetworkInterfaceId, InstanceId = instanceId, DeviceIndex = 1 });
        var onSecond = second.PrivateIpAddresses.Where(a => a.Primary != true).Select(a => IPAddress.Parse(a.PrivateIpAddress)).ToArray();
        return new(StringComparer.Ordinal) { ["c0ffee01"] = onPrimary[0], ["c0ffee02"] = onPrimary[4], ["c0ffee03"] = onSecond[1] };
    }

    /// <summary>Two /28 prefixes on the primary ENI; pods at the first's network address and next, and inside the second.</summary>
    private static async Task<Dictionary<string, IPAddress>> PrefixNodeAsync(SimulatorServer sim)
    {
        var (_, ec2) = NodeHarness.Ec2(sim);
        using var client = ec2;
        var prefixes = (await client.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = Primary(sim).EniId, Ipv4PrefixCount = 2 }))
            .AssignedIpv4Prefixes.Select(p => IPNetwork.Parse(p.Ipv4Prefix)).ToArray();
        return new(StringComparer.Ordinal)
        {
            ["c0ffee01"] = AddressMath.Nth(prefixes[0], 0),
            ["c0ffee02"] = AddressMath.Nth(prefixes[0], 1),
            ["c0ffee03"] = AddressMath.Nth(prefixes[1], 3),
        };
    }

    /// <summary>
    /// The file the Go daemon leaves: the first entry as v1.11 and later write it (with <c>metadata</c>), the second as
    /// v1.8 to v1.10 wrote it (no <c>metadata</c>), the third with the interface count newer releases add.
    /// </summary>
    private static string UpstreamCheckpoint(Dictionary<string, IPAddress> pods)
    {
        var entries = pods.Select((p, i) => i switch
        {
            0 => $$$"""{"networkName":"aws-cni","containerID":"{{{p.Key}}}","ifName":"eth0","ipv4":"{{{p.Value}}}","allocationTimestamp":1700000000123456789,"metadata":{"k8sPodNamespace":"default","k8sPodName":"pod-{{{p.Key}}}"}}""",
            1 => $$$"""{"networkName":"aws-cni","containerID":"{{{p.Key}}}","ifName":"eth0","ipv4":"{{{p.Value}}}","allocationTimestamp":1590000000000000000}""",
            _ => $$$"""{"networkName":"aws-cni","containerID":"{{{p.Key}}}","ifName":"eth0","ipv4":"{{{p.Value}}}","allocationTimestamp":1710000000987654321,"metadata":{"k8sPodNamespace":"kube-system","k8sPodName":"pod-{{{p.Key}}}","interfacesCount":1}}""",
        });
        return $$"""{"version":"vpc-cni-ipam/1","allocations":[{{string.Join(',', entries)}}]}""" + "\n";
    }

    private static (string InstanceId, string EniId, string SubnetId) Primary(SimulatorServer sim) => sim.World.Inspect(w =>
    {
        var eni = w.NetworkInterfaces.Values.Single(e => e.Attachment is { DeviceIndex: 0 });
        return (eni.Attachment!.InstanceId, eni.Id, eni.SubnetId);
    });
}
