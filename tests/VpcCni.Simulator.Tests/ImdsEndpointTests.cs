using System.Net;
using System.Text.Json;
using Amazon.EC2.Model;
using VpcCni.Simulator.Tests.Support;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Simulator.Tests;

public sealed class ImdsEndpointTests
{
    private static async Task<HttpClient> ClientWithTokenAsync(SimHarness sim, string? instanceId = null)
    {
        var http = new HttpClient { BaseAddress = instanceId is null ? sim.Server.ImdsEndpoint : sim.Server.ImdsEndpointFor(instanceId) };
        using var put = new HttpRequestMessage(HttpMethod.Put, "latest/api/token");
        put.Headers.Add("X-aws-ec2-metadata-token-ttl-seconds", "21600");
        var response = await http.SendAsync(put);
        response.EnsureSuccessStatusCode();
        Assert.Equal("21600", response.Headers.GetValues("X-aws-ec2-metadata-token-ttl-seconds").Single());
        http.DefaultRequestHeaders.Add("X-aws-ec2-metadata-token", await response.Content.ReadAsStringAsync());
        return http;
    }

    [Fact]
    public async Task GetsWithoutATokenAre401AndBadTokenRequestsAre400Or403()
    {
        await using var sim = await SimHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = sim.Server.ImdsEndpoint };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("latest/meta-data/instance-id")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PutAsync("latest/api/token", null)).StatusCode);
        using var tooLong = new HttpRequestMessage(HttpMethod.Put, "latest/api/token");
        tooLong.Headers.Add("X-aws-ec2-metadata-token-ttl-seconds", "21601");
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(tooLong)).StatusCode);
        using var versioned = new HttpRequestMessage(HttpMethod.Put, "2021-03-23/api/token");
        versioned.Headers.Add("X-aws-ec2-metadata-token-ttl-seconds", "60");
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(versioned)).StatusCode);
        http.DefaultRequestHeaders.Add("X-aws-ec2-metadata-token", "made-up");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("latest/meta-data/instance-id")).StatusCode);
    }

    [Fact]
    public async Task VersionedMetadataPathsAnswerLikeLatest()
    {
        await using var sim = await SimHarness.StartAsync();
        using var http = await ClientWithTokenAsync(sim);
        Assert.Equal(sim.InstanceId, await http.GetStringAsync("2021-03-23/meta-data/instance-id"));
        Assert.Equal(await http.GetStringAsync("latest/meta-data/network/interfaces/macs/"), await http.GetStringAsync("2016-09-02/meta-data/network/interfaces/macs/"));
        Assert.Equal(await http.GetStringAsync("latest/dynamic/instance-identity/document"), await http.GetStringAsync("2021-03-23/dynamic/instance-identity/document"));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("2021-3-23/meta-data/instance-id")).StatusCode);
    }

    [Fact]
    public async Task ATokenExpiresAfterItsTtl()
    {
        var time = SimHarness.FakeTime();
        await using var sim = await SimHarness.StartAsync(time: time);
        using var http = await ClientWithTokenAsync(sim);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("latest/meta-data/instance-id")).StatusCode);
        time.Advance(TimeSpan.FromSeconds(21600));
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("latest/meta-data/instance-id")).StatusCode);
    }

    [Fact]
    public async Task InstanceLevelPathsServePlainValuesWithoutTrailingNewline()
    {
        await using var sim = await SimHarness.StartAsync();
        using var http = await ClientWithTokenAsync(sim);
        var primary = sim.World.Inspect(w => w.NetworkInterfaces[w.Instances[w.DefaultInstanceId].PrimaryNetworkInterfaceId]);
        Assert.Equal(sim.InstanceId, await http.GetStringAsync("latest/meta-data/instance-id"));
        Assert.Equal("m5.large", await http.GetStringAsync("latest/meta-data/instance-type"));
        Assert.Equal("us-west-2a", await http.GetStringAsync("latest/meta-data/placement/availability-zone"));
        Assert.Equal("us-west-2", await http.GetStringAsync("latest/meta-data/placement/region"));
        Assert.Equal(primary.MacAddress, await http.GetStringAsync("latest/meta-data/mac"));
        Assert.Equal(primary.PrimaryIp.ToString(), await http.GetStringAsync("latest/meta-data/local-ipv4"));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("latest/meta-data/no-such-thing")).StatusCode);
        using var doc = JsonDocument.Parse(await http.GetStringAsync("latest/dynamic/instance-identity/document"));
        Assert.Equal("us-west-2", doc.RootElement.GetProperty("region").GetString());
        Assert.Equal(sim.InstanceId, doc.RootElement.GetProperty("instanceId").GetString());
        Assert.Equal("111122223333", doc.RootElement.GetProperty("accountId").GetString());
    }

    [Fact]
    public async Task PerMacPathsDescribeTheEniAndNetworkCardIsAbsentOnSingleCardTypes()
    {
        await using var sim = await SimHarness.StartAsync();
        using var http = await ClientWithTokenAsync(sim);
        var mac = await http.GetStringAsync("latest/meta-data/mac");
        var listing = (await http.GetStringAsync("latest/meta-data/network/interfaces/macs")).Split('\n');
        Assert.Equal([mac + "/"], listing);
        var at = $"latest/meta-data/network/interfaces/macs/{mac}/";
        var keys = (await http.GetStringAsync(at)).Split('\n');
        Assert.Contains("local-ipv4s", keys);
        Assert.DoesNotContain("network-card", keys);
        Assert.DoesNotContain("ipv4-prefix", keys);
        Assert.Equal("0", await http.GetStringAsync(at + "device-number"));
        Assert.Equal(sim.World.Inspect(w => w.Instances[w.DefaultInstanceId].PrimaryNetworkInterfaceId), await http.GetStringAsync(at + "interface-id"));
        Assert.Equal(sim.SubnetA, await http.GetStringAsync(at + "subnet-id"));
        Assert.Equal("10.0.0.0/19", await http.GetStringAsync(at + "subnet-ipv4-cidr-block"));
        Assert.Equal("10.0.0.0/16", await http.GetStringAsync(at + "vpc-ipv4-cidr-blocks"));
        Assert.Equal(sim.World.Inspect(w => w.SecurityGroups[0].Id), await http.GetStringAsync(at + "security-group-ids"));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(at + "network-card")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(at + "ipv4-prefix")).StatusCode);
    }

    [Fact]
    public async Task ImdsLagsEc2AfterAttachAndAfterAssign()
    {
        var time = SimHarness.FakeTime();
        await using var sim = await SimHarness.StartAsync(s => s.Imds = new ScenarioImds { AttachLagMs = 500, IpLagMs = 300, DetachLagMs = 200 }, time);
        using var http = await ClientWithTokenAsync(sim);
        var eni = await sim.CreateEniAsync(secondaries: 2);
        var attachmentId = await sim.AttachAsync(eni.NetworkInterfaceId, 1);
        async Task<string[]> MacsAsync() => (await http.GetStringAsync("latest/meta-data/network/interfaces/macs/")).Split('\n');
        Assert.Single(await MacsAsync());
        time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Contains(eni.MacAddress + "/", await MacsAsync());
        var ips = $"latest/meta-data/network/interfaces/macs/{eni.MacAddress}/local-ipv4s";
        Assert.Equal([eni.PrivateIpAddress], (await http.GetStringAsync(ips)).Split('\n'));
        time.Advance(TimeSpan.FromMilliseconds(300));
        Assert.Equal(3, (await http.GetStringAsync(ips)).Split('\n').Length);

        var assigned = await sim.Ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = eni.NetworkInterfaceId, Ipv4PrefixCount = 1 });
        var prefixPath = $"latest/meta-data/network/interfaces/macs/{eni.MacAddress}/ipv4-prefix";
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(prefixPath)).StatusCode);
        time.Advance(TimeSpan.FromMilliseconds(300));
        Assert.Equal(assigned.AssignedIpv4Prefixes[0].Ipv4Prefix, await http.GetStringAsync(prefixPath));

        await sim.Ec2.DetachNetworkInterfaceAsync(new DetachNetworkInterfaceRequest { AttachmentId = attachmentId });
        Assert.Equal(2, (await MacsAsync()).Length);
        time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Single(await MacsAsync());
    }

    [Fact]
    public async Task EachInstanceHasItsOwnImdsAndMultiCardTypesPublishNetworkCard()
    {
        await using var sim = await SimHarness.StartAsync(s => s.Instances.Add(new ScenarioInstance { InstanceType = "p4d.24xlarge", AvailabilityZone = "us-west-2b" }));
        var second = sim.World.Inspect(w => w.Instances.Keys.Last());
        using var http = await ClientWithTokenAsync(sim, second);
        Assert.Equal("p4d.24xlarge", await http.GetStringAsync("latest/meta-data/instance-type"));
        var mac = await http.GetStringAsync("latest/meta-data/mac");
        Assert.Equal("0", await http.GetStringAsync($"latest/meta-data/network/interfaces/macs/{mac}/network-card"));
        using var first = await ClientWithTokenAsync(sim);
        Assert.Equal(sim.InstanceId, await first.GetStringAsync("latest/meta-data/instance-id"));
    }

    [Fact]
    public async Task ImdsV1IsServedWhenTokensAreOptional()
    {
        await using var sim = await SimHarness.StartAsync(s => s.Imds.TokenRequired = false);
        using var http = new HttpClient { BaseAddress = sim.Server.ImdsEndpoint };
        Assert.Equal(sim.InstanceId, await http.GetStringAsync("latest/meta-data/instance-id"));
    }
}
