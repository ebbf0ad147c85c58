using Amazon.EC2;
using Amazon.EC2.Model;
using VpcCni.Simulator.Tests.Support;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Simulator.Tests;

/// <summary>Scenario-declared instance types: served by DescribeInstanceTypes and usable by instances.</summary>
public sealed class ScenarioInstanceTypeTests
{
    private const string WithExtraType = """
        {
          "subnets": [ { "availabilityZone": "us-west-2a", "cidrBlock": "10.0.0.0/19" } ],
          "vpc": { "cidrBlocks": ["10.0.0.0/16"] },
          "instanceTypes": [ { "instanceType": "zz1.large", "eniLimit": 4, "ipv4PerEni": 12, "hypervisor": "nitro", "vCpus": 2, "memoryMib": 8192 } ],
          "instances": [ { "instanceType": "zz1.large" } ]
        }
        """;

    [Fact]
    public async Task DeclaredTypeIsAnsweredByDescribeInstanceTypesWithItsLimits()
    {
        await using var sim = await SimHarness.StartAsync(s => s.InstanceTypes.Add(ZzLarge()));

        var response = await sim.Ec2.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { InstanceTypes = ["zz1.large"] });

        var type = Assert.Single(response.InstanceTypes);
        Assert.Equal("zz1.large", type.InstanceType.Value);
        Assert.Equal(4, type.NetworkInfo.MaximumNetworkInterfaces);
        Assert.Equal(4, type.NetworkInfo.NetworkCards.Single().MaximumNetworkInterfaces);
        Assert.Equal(12, type.NetworkInfo.Ipv4AddressesPerInterface);
        Assert.Equal("nitro", type.Hypervisor.Value);
        Assert.Equal(2, type.VCpuInfo.DefaultVCpus);
    }

    [Fact]
    public async Task DeclaredTypeIsUnknownToASimulatorWhoseScenarioLacksIt()
    {
        await using var sim = await SimHarness.StartAsync();

        var ex = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            sim.Ec2.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { InstanceTypes = ["zz1.large"] }));

        Assert.Equal("InvalidInstanceType", ex.ErrorCode);
    }

    [Fact]
    public async Task AnInstanceOfADeclaredTypeRunsWithItsEniLimit()
    {
        await using var server = await SimulatorServer.StartAsync(
            new SimulatorOptions { Scenario = Scenario.FromJson(WithExtraType) }, CancellationToken.None);

        var limits = server.World.Inspect(w => w.Instances.Values.Single().Limits);

        Assert.Equal("zz1.large", limits.InstanceType);
        Assert.Equal(4, limits.EniLimit);
        Assert.Equal(12, limits.Ipv4PerEni);
    }

    [Theory]
    [InlineData("\"instanceType\": \"zz1.large\", \"eniLimit\"", "\"instanceType\": \"m5.large\", \"eniLimit\"", "instanceTypes[0].instanceType", "already in the engine's catalog")]
    [InlineData("\"instanceType\": \"zz1.large\", \"eniLimit\"", "\"instanceType\": \"ZZ1\", \"eniLimit\"", "instanceTypes[0].instanceType", "family.size")]
    [InlineData("\"eniLimit\": 4", "\"eniLimit\": 0", "instanceTypes[0].eniLimit", "between 1 and 4096")]
    [InlineData("\"ipv4PerEni\": 12", "\"ipv4PerEni\": 5000", "instanceTypes[0].ipv4PerEni", "between 1 and 4096")]
    [InlineData("\"hypervisor\": \"nitro\"", "\"hypervisor\": \"kvm\"", "instanceTypes[0].hypervisor", "nitro or xen")]
    [InlineData("\"vCpus\": 2", "\"vCpus\": -2", "instanceTypes[0].vCpus", "between 1 and 4096")]
    [InlineData("\"instances\": [ { \"instanceType\": \"zz1.large\" } ]", "\"instances\": [ { \"instanceType\": \"zz1.huge\" } ]", "instances[0].instanceType", "declare others under instanceTypes")]
    public void BadDeclarationsAreReportedByPath(string from, string to, string field, string reason)
    {
        var ex = Assert.Throws<ScenarioException>(() => Scenario.FromJson(WithExtraType.Replace(from, to, StringComparison.Ordinal), "types.json"));

        Assert.Equal(field, ex.Field);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameTypeDeclaredTwiceIsRefused()
    {
        var json = WithExtraType.Replace("\"instanceTypes\": [ {", "\"instanceTypes\": [ { \"instanceType\": \"zz1.large\", \"eniLimit\": 2, \"ipv4PerEni\": 4 }, {", StringComparison.Ordinal);

        var ex = Assert.Throws<ScenarioException>(() => Scenario.FromJson(json));

        Assert.Equal("instanceTypes[1].instanceType", ex.Field);
        Assert.Contains("declared twice", ex.Message, StringComparison.Ordinal);
    }

    private static ScenarioInstanceType ZzLarge() =>
        new() { InstanceType = "zz1.large", EniLimit = 4, Ipv4PerEni = 12, Hypervisor = "nitro", VCpus = 2 };
}
