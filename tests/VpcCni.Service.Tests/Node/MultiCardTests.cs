using System.Text.Json;
using VpcCni.Engine.Aws;
using VpcCni.Service.Tests.Node.Support;
using VpcCni.Service.Tests.Support;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Service.Tests.Node;

/// <summary>
/// A p4d.24xlarge (4 network cards × 15 ENIs × 50 IPv4): with ENABLE_MULTI_NIC each further card gets
/// its own pool, kept at one warm and one minimum address, with ENIs attached to that card.
/// </summary>
public sealed class MultiCardTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task EveryFurtherCardKeepsOneWarmAddressOnAnEniAttachedToThatCard()
    {
        await using var sim = await StartAsync();
        var (ec2, client) = NodeHarness.Ec2(sim);
        using var _ = client;
        var onCardOne = await AttachToCardAsync(ec2, sim, card: 1);
        using var directory = new TempDirectory();
        var ports = HttpListeners.Allocate();

        await using var node = await NodeHarness.StartAsync(sim, directory, ports.Settings(new Dictionary<string, string?> { ["ENABLE_MULTI_NIC"] = "true" }));
        await NodeHarness.EventuallyAsync(() => node.Host.SetUp.Count == 4, "one ENI is set up on each card");
        await NodeHarness.TicksAsync(5);

        var enis = (await ec2.DescribeNetworkInterfacesAsync(Ec2DescribeQuery.All, default)).ToDictionary(e => e.Attachment!.NetworkCardIndex);
        Assert.Equal([0, 1, 2, 3], enis.Keys.Order());
        Assert.Equal(onCardOne, enis[1].NetworkInterfaceId);
        Assert.All(enis.Values.Where(e => e.Attachment!.NetworkCardIndex > 0), e =>
        {
            Assert.Equal(0, e.Attachment!.DeviceIndex);
            Assert.Single(e.SecondaryIpAddresses);
        });
        Assert.Equal(49, enis[0].SecondaryIpAddresses.Count());
        Assert.Equal(2, NodeHarness.Requests(sim, "CreateNetworkInterface") - 1);
        Assert.Equal([(0, 0), (1, 0), (2, 0), (3, 0)], node.Host.SetUp.Select(s => (s.NetworkCard, s.DeviceNumber)).Order());

        using var view = JsonDocument.Parse(await Http.GetStringAsync(ports.Introspection("/v1/enis")));
        Assert.Equal(["0", "1", "2", "3"], view.RootElement.EnumerateObject().Select(c => c.Name));
        var cardTwo = view.RootElement.GetProperty("2").GetProperty("ENIs").EnumerateObject().Single().Value;
        Assert.Equal(10200, cardTwo.GetProperty("RouteTableID").GetInt32());
        Assert.Equal(1, view.RootElement.GetProperty("3").GetProperty("TotalIPs").GetInt32());
    }

    [Fact]
    public async Task WithoutEnableMultiNicOtherCardsAreLeftAlone()
    {
        await using var sim = await StartAsync();
        var (ec2, client) = NodeHarness.Ec2(sim);
        using var _ = client;
        await AttachToCardAsync(ec2, sim, card: 1);
        using var directory = new TempDirectory();

        await using var node = await NodeHarness.StartAsync(sim, directory);
        await NodeHarness.EventuallyAsync(() => node.CidrsPerEni.SequenceEqual([49]), "card 0's primary ENI is filled");
        await NodeHarness.TicksAsync(5);

        Assert.Equal(1, NodeHarness.Requests(sim, "CreateNetworkInterface"));
        Assert.Equal([0], node.Host.SetUp.Select(s => s.NetworkCard));
        Assert.Empty(node.Readiness.Facts!.UnmanagedEniIds);
    }

    private static Task<SimulatorServer> StartAsync()
    {
        var scenario = Scenario.Default();
        scenario.Instances[0].InstanceType = "p4d.24xlarge";
        return SimulatorServer.StartAsync(new SimulatorOptions { Scenario = scenario }, CancellationToken.None);
    }

    private static async Task<string> AttachToCardAsync(SdkEc2Api ec2, SimulatorServer sim, int card)
    {
        var subnet = sim.World.Inspect(w => w.Subnets[0].Id);
        var eni = await ec2.CreateNetworkInterfaceAsync(new Ec2CreateNetworkInterfaceRequest
        {
            SubnetId = subnet,
            Tags = new Dictionary<string, string>(StringComparer.Ordinal) { ["node.k8s.amazonaws.com/instance_id"] = sim.World.DefaultInstanceId },
        }, default);
        await ec2.AttachNetworkInterfaceAsync(new Ec2AttachNetworkInterfaceRequest(eni.NetworkInterfaceId, sim.World.DefaultInstanceId, 0, card), default);
        return eni.NetworkInterfaceId;
    }
}
