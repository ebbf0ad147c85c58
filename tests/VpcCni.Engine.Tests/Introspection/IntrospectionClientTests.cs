using System.Net;
using Microsoft.Extensions.Time.Testing;
using VpcCni.Engine.Introspection;
using VpcCni.Engine.Ipam.Planning;

namespace VpcCni.Engine.Tests.Introspection;

public sealed class IntrospectionClientTests
{
    private static IntrospectionClient Client(string endpoint, TimeSpan? timeout = null) =>
        new(endpoint, timeout, new FakeTimeProvider(CannedNode.Now));

    [Fact]
    public async Task EnisCarryDeviceSubnetFlagsAndCountsInDeviceOrder()
    {
        await using var server = CannedHttpServer.OnTcp(CannedNode.SecondaryIpNode());
        using var client = Client(server.Endpoint);

        var enis = await client.GetEnisAsync(includeAddresses: false, CancellationToken.None);

        Assert.Equal(["eni-a", "eni-b"], enis.Select(e => e.EniId));
        var primary = enis[0];
        Assert.True(primary.Descriptor.IsPrimary);
        Assert.Equal((0, "subnet-1", 3, 0, 1), (primary.DeviceNumber, primary.SubnetId, primary.IpCount, primary.PrefixCount, primary.AssignedCount));
        Assert.Null(primary.Addresses);
        Assert.Equal((1, "subnet-2", 2), (enis[1].DeviceNumber, enis[1].SubnetId, enis[1].Descriptor.RouteTableId));
    }

    [Fact]
    public async Task AddressesComeWithTheirPodAndCooldownWhenAskedFor()
    {
        await using var server = CannedHttpServer.OnTcp(CannedNode.SecondaryIpNode());
        using var client = Client(server.Endpoint);

        var addresses = (await client.GetEnisAsync(includeAddresses: true, CancellationToken.None))[0].Addresses!;

        Assert.Equal(["10.0.1.11", "10.0.1.12", "10.0.1.13"], addresses.Select(a => a.Address.ToString()));
        Assert.Single((await client.GetEnisAsync(includeAddresses: true, CancellationToken.None))[1].Addresses!);
        Assert.Equal("web-1", addresses[0].Metadata.PodName);
        Assert.True(addresses[0].IsAssigned);
        Assert.False(addresses[1].IsAssigned || addresses[1].IsCooling);
        Assert.True(addresses[2].IsCooling);
        Assert.Null(addresses[1].AssignedAt);
    }

    [Fact]
    public async Task AUnixSocketEndpointIsReadLikeATcpOne()
    {
        using var directory = new TempDirectory();
        await using var server = CannedHttpServer.OnUnixSocket(Path.Combine(directory.Path, "i.sock"), CannedNode.SecondaryIpNode());
        using var client = Client(server.Endpoint);

        var pods = await client.GetPodsAsync(CancellationToken.None);

        var pod = Assert.Single(pods);
        Assert.Equal(("default", "web-1", "c1", "eth0", "eni-a"), (pod.PodNamespace, pod.PodName, pod.ContainerId, pod.IfName, pod.EniId));
        Assert.Equal(IPAddress.Parse("10.0.1.11"), pod.Address);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 1, TimeSpan.Zero), pod.AssignedAt);
    }

    [Fact]
    public async Task PrefixesCountUsedAndFreeAddresses()
    {
        await using var server = CannedHttpServer.OnTcp(new() { ["/v1/enis"] = (200, CannedNode.PrefixEnis) });
        using var client = Client(server.Endpoint);

        var prefixes = await client.GetPrefixesAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(["10.0.3.16/28", "10.0.3.32/28"], prefixes.Select(p => p.Prefix.ToString()));
        Assert.Equal((16, 2, 14), (prefixes[0].Size, prefixes[0].Used, prefixes[0].Free));
        Assert.Equal((0, 16), (prefixes[1].Used, prefixes[1].Free));
        var addresses = (await client.GetEnisAsync(includeAddresses: true, CancellationToken.None))[0].Addresses!;
        Assert.Equal(32, addresses.Count);
        Assert.Equal(2, addresses.Count(a => a.IsAssigned));
    }

    [Fact]
    public async Task SettingsOfBothPathsComeAsNamedPlainValues()
    {
        await using var server = CannedHttpServer.OnTcp(CannedNode.SecondaryIpNode());
        using var client = Client(server.Endpoint);

        var settings = (await client.GetSettingsAsync(CancellationToken.None)).ToDictionary(s => s.Name);

        Assert.Equal(5L, settings["WARM_IP_TARGET"].Value);
        Assert.Equal("ipamd-env-settings", settings["WARM_IP_TARGET"].Source);
        Assert.Equal(true, settings["ENABLE_SUBNET_DISCOVERY"].Value);
        Assert.Equal(128L, settings["AWS_VPC_K8S_CNI_CONNMARK"].Value);
        Assert.Equal(new[] { "10.9.0.0/16" }, settings["AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS"].Value);
        Assert.Equal("networkutils-env-settings", settings["AWS_VPC_K8S_CNI_VETHPREFIX"].Source);
    }

    [Fact]
    public async Task ReadinessReports503AsNotReadyWithTheReason()
    {
        await using var server = CannedHttpServer.OnTcp(CannedNode.SecondaryIpNode());
        using var client = Client(server.Endpoint);

        var readiness = await client.GetReadinessAsync(CancellationToken.None);

        Assert.Equal(new IntrospectionReadiness(false, "no address available"), readiness);
    }

    [Fact]
    public async Task WarmPoolPredictsGrowthFromTheServedTargetsAndTheMetricsLimits()
    {
        await using var server = CannedHttpServer.OnTcp(CannedNode.SecondaryIpNode());
        using var client = Client(server.Endpoint);

        var pool = Assert.Single(await client.GetWarmPoolAsync(new WarmPoolForecastRequest { MetricsEndpoint = server.Endpoint }, CancellationToken.None));

        Assert.Equal((5, 1), (pool.Targets.WarmIpTarget, pool.Targets.WarmEniTarget));
        Assert.Equal((3, 9, "metrics"), (pool.Limits.MaxEni, pool.Limits.MaxCidrsPerEni, pool.LimitsSource));
        Assert.Equal((4, 1, 1, 2), (pool.TotalIps, pool.AssignedIps, pool.CooldownIps, pool.AvailableIps));
        Assert.True(pool.IsPrediction);
        Assert.True(pool.NodeSchedulable);
        Assert.True(pool.Plan.TooLow);
        Assert.IsType<AssignAddressesAction>(Assert.Single(pool.Plan.Actions));
        Assert.Contains("/metrics", server.Requests);
    }

    [Fact]
    public async Task WarmPoolOfACordonedNodePredictsNoGrowthAndSaysWhy()
    {
        var node = CannedNode.SecondaryIpNode();
        node["/v1/node"] = (200, """{"NodeName":"ip-10-0-0-10","Schedulable":false,"Source":"kubernetes"}""");
        await using var server = CannedHttpServer.OnTcp(node);
        using var client = Client(server.Endpoint);

        var pool = Assert.Single(await client.GetWarmPoolAsync(new WarmPoolForecastRequest { MetricsEndpoint = server.Endpoint }, CancellationToken.None));

        Assert.False(pool.NodeSchedulable);
        Assert.True(pool.Plan.TooLow);
        Assert.Empty(pool.Plan.Actions);
        Assert.Contains(pool.Plan.Notes, n => n.Contains("the node is unschedulable and AWS_MANAGE_ENIS_NON_SCHEDULABLE is off", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WarmPoolWithGivenLimitsDoesNotReadTheMetrics()
    {
        await using var server = CannedHttpServer.OnTcp(CannedNode.SecondaryIpNode());
        using var client = Client(server.Endpoint);

        var request = new WarmPoolForecastRequest { Limits = new PoolLimits { MaxEni = 2, MaxCidrsPerEni = 4 }, MetricsEndpoint = "http://127.0.0.1:1" };
        var pool = Assert.Single(await client.GetWarmPoolAsync(request, CancellationToken.None));

        Assert.Equal("given", pool.LimitsSource);
        Assert.DoesNotContain("/metrics", server.Requests);
    }

    [Fact]
    public async Task TheSingleCardShapeOfOlderUpstreamsReadsAsCardZero()
    {
        var old = CannedNode.SecondaryIpEnis.Trim()[5..^1];
        await using var server = CannedHttpServer.OnTcp(new() { ["/v1/enis"] = (200, old) });
        using var client = Client(server.Endpoint);

        var enis = await client.GetEnisAsync(false, CancellationToken.None);

        Assert.Equal([0, 0], enis.Select(e => e.NetworkCard));
    }
}
