using System.Collections.Concurrent;
using Amazon.EC2;
using Amazon.EC2.Model;
using VpcCni.Simulator.Tests.Fakes;
using VpcCni.Simulator.Tests.Support;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Simulator.Tests;

public sealed class SimWorldTests
{
    [Fact]
    public async Task EightClientsHammeringOneEniNeverExceedTheLimitNorShareAnAddress()
    {
        await using var sim = await SimHarness.StartAsync();
        var eni = await sim.CreateEniAsync();
        await sim.AttachAsync(eni.NetworkInterfaceId, 1);
        var violations = new ConcurrentBag<string>();
        var limitHits = 0;
        var tasks = Enumerable.Range(0, 8).Select(async worker =>
        {
            using var client = SimHarness.CreateClient(sim.Server);
            for (var round = 0; round < 25; round++)
            {
                try
                {
                    var got = await client.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = eni.NetworkInterfaceId, SecondaryPrivateIpAddressCount = 1 + (worker % 3) });
                    await client.UnassignPrivateIpAddressesAsync(new UnassignPrivateIpAddressesRequest
                    {
                        NetworkInterfaceId = eni.NetworkInterfaceId,
                        PrivateIpAddresses = [.. got.AssignedPrivateIpAddresses.Select(a => a.PrivateIpAddress)],
                    });
                }
                catch (AmazonEC2Exception ex) when (ex.ErrorCode == "PrivateIpAddressLimitExceeded")
                {
                    Interlocked.Increment(ref limitHits);
                }

                sim.World.Inspect(w =>
                {
                    var e = w.NetworkInterfaces[eni.NetworkInterfaceId];
                    if (e.Ipv4SlotCount > 10)
                    {
                        violations.Add($"{e.Ipv4SlotCount} slots");
                    }

                    var all = w.NetworkInterfaces.Values.SelectMany(n => n.AllIpv4()).ToList();
                    if (all.Count != all.Distinct().Count())
                    {
                        violations.Add("an address is on two ENIs or twice on one");
                    }

                    return 0;
                });
            }
        });
        await Task.WhenAll(tasks);
        Assert.Empty(violations);
        Assert.Equal(1, sim.World.Inspect(w => w.NetworkInterfaces[eni.NetworkInterfaceId].Ipv4SlotCount));
        Assert.Equal(8192 - 5 - 2, sim.World.Inspect(w => w.Subnets[0].AvailableIpAddressCount));
    }

    [Fact]
    public async Task TheSameSeedGivesTheSameIds()
    {
        await using var a = await SimHarness.StartAsync();
        await using var b = await SimHarness.StartAsync();
        Assert.Equal(a.InstanceId, b.InstanceId);
        Assert.Equal((await a.CreateEniAsync()).NetworkInterfaceId, (await b.CreateEniAsync()).NetworkInterfaceId);
    }

    [Fact]
    public async Task DelayedTransitionsReachTheDataplaneWithoutAnyFurtherRequest()
    {
        var time = SimHarness.FakeTime();
        var hook = new FakeDataplaneHook();
        await using var sim = await SimHarness.StartAsync(
            s =>
            {
                s.Instances[0].Netns = "node";
                s.Delays = new ScenarioDelays { AttachMs = 1000, DetachMs = 500 };
            },
            time,
            hook: hook);
        Assert.Single(hook.Links);
        var eni = await sim.CreateEniAsync();
        var attachmentId = await sim.AttachAsync(eni.NetworkInterfaceId, 1);
        Assert.Single(hook.Links);
        time.Advance(TimeSpan.FromMilliseconds(1000));
        Assert.Equal(eni.MacAddress, hook.Links[("node", "sim" + eni.NetworkInterfaceId[^12..])]);
        await sim.Ec2.DetachNetworkInterfaceAsync(new DetachNetworkInterfaceRequest { AttachmentId = attachmentId });
        time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Single(hook.Links);
    }
}
