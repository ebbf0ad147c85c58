using Amazon.EC2;
using Amazon.EC2.Model;
using Microsoft.Extensions.Logging.Abstractions;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Limits;
using VpcCni.Simulator.Ec2;
using VpcCni.Simulator.Scenarios;
using VpcCni.Simulator.Tests.Support;

namespace VpcCni.Simulator.Tests;

/// <summary>EFA support in DescribeInstanceTypes, scenario-declared EFA types, and EFA interfaces on attach.</summary>
public sealed class EfaCatalogTests
{
    [Fact]
    public void EveryEfaTypeIsInTheEngineCatalog() =>
        Assert.All(EfaCatalog.MaximumEfaInterfaces.Keys, t => Assert.True(InstanceTypeCatalog.Embedded.TryGet(t, out _), t));

    [Fact]
    public async Task DescribeInstanceTypesReportsEfaSupportAndItsMaximumInterfaces()
    {
        await using var sim = await SimHarness.StartAsync();
        var types = (await sim.Ec2.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { InstanceTypes = ["p4d.24xlarge", "c5n.18xlarge", "m5.large"] })).InstanceTypes
            .ToDictionary(t => t.InstanceType.Value, t => t.NetworkInfo);
        Assert.True(types["p4d.24xlarge"].EfaSupported);
        Assert.Equal(4, types["p4d.24xlarge"].EfaInfo.MaximumEfaInterfaces);
        Assert.True(types["c5n.18xlarge"].EfaSupported);
        Assert.Equal(1, types["c5n.18xlarge"].EfaInfo.MaximumEfaInterfaces);
        Assert.False(types["m5.large"].EfaSupported);
        Assert.Null(types["m5.large"].EfaInfo);

        var filtered = await sim.Ec2.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { Filters = [new Filter("network-info.efa-supported", ["true"])], MaxResults = 100 });
        Assert.All(filtered.InstanceTypes, t => Assert.True(t.NetworkInfo.EfaSupported));
    }

    [Fact]
    public async Task AScenarioTypeDeclaresEfaAndTheEngineReadsIt()
    {
        await using var sim = await SimHarness.StartAsync(s =>
            s.InstanceTypes.Add(new ScenarioInstanceType { InstanceType = "zz9.efa", EniLimit = 4, Ipv4PerEni = 10, MaximumEfaInterfaces = 2 }));
        using var client = Ec2ClientFactory.CreateClient(new Ec2ClientOptions { Endpoint = sim.Server.Ec2Endpoint.ToString(), MaxErrorRetry = 0 }, "us-west-2", new Amazon.Runtime.BasicAWSCredentials("test", "test"));
        var api = new SdkEc2Api(client, NullLogger<SdkEc2Api>.Instance);
        var info = (await api.DescribeInstanceTypesAsync(new Ec2DescribeQuery { Ids = ["zz9.efa"] }, CancellationToken.None)).Single();
        Assert.True(info.EfaSupported);
        Assert.Equal(2, info.MaximumEfaInterfaces);
    }

    [Fact]
    public async Task EfaInterfacesAttachOnlyToEfaTypesUpToTheirMaximum()
    {
        await using var sim = await SimHarness.StartAsync(s => s.Instances.Add(new ScenarioInstance { InstanceType = "c5n.18xlarge", AvailabilityZone = "us-west-2a" }));
        var efaNode = sim.World.Inspect(w => w.Instances.Keys.Last());
        async Task<string> CreateAsync(NetworkInterfaceCreationType type) =>
            (await sim.Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = sim.SubnetA, InterfaceType = type })).NetworkInterface.NetworkInterfaceId;

        var efa = await CreateAsync(NetworkInterfaceCreationType.Efa);
        Assert.Equal("efa", (await sim.DescribeEniAsync(efa)).InterfaceType.Value);
        await Expect.Ec2ErrorAsync("UnsupportedOperation", 400, () => sim.AttachAsync(efa, 1));
        await sim.Ec2.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest { NetworkInterfaceId = efa, InstanceId = efaNode, DeviceIndex = 1 });

        var efaOnly = await CreateAsync(NetworkInterfaceCreationType.EfaOnly);
        Assert.Equal("efa-only", (await sim.DescribeEniAsync(efaOnly)).InterfaceType.Value);
        await Expect.Ec2ErrorAsync("AttachmentLimitExceeded", 400, () =>
            sim.Ec2.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest { NetworkInterfaceId = efaOnly, InstanceId = efaNode, DeviceIndex = 2 }));
    }

    [Fact]
    public async Task ImdsListsNoLocalIpv4sForAnEfaOnlyInterface()
    {
        await using var sim = await SimHarness.StartAsync(s => s.Instances.Add(new ScenarioInstance { InstanceType = "p4d.24xlarge", AvailabilityZone = "us-west-2a" }));
        var node = sim.World.Inspect(w => w.Instances.Keys.Last());
        var efaOnly = (await sim.Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = sim.SubnetA, InterfaceType = NetworkInterfaceCreationType.EfaOnly })).NetworkInterface;
        await sim.Ec2.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest { NetworkInterfaceId = efaOnly.NetworkInterfaceId, InstanceId = node, DeviceIndex = 1 });

        using var http = new HttpClient { BaseAddress = sim.Server.ImdsEndpointFor(node) };
        using var put = new HttpRequestMessage(HttpMethod.Put, "latest/api/token");
        put.Headers.Add("X-aws-ec2-metadata-token-ttl-seconds", "60");
        http.DefaultRequestHeaders.Add("X-aws-ec2-metadata-token", await (await http.SendAsync(put)).Content.ReadAsStringAsync());
        var keys = await http.GetStringAsync($"latest/meta-data/network/interfaces/macs/{efaOnly.MacAddress}/");
        Assert.Contains("interface-id", keys.Split('\n'));
        Assert.DoesNotContain("local-ipv4s", keys.Split('\n'));
    }
}
