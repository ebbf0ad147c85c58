using Amazon.EC2.Model;
using VpcCni.Simulator.Scenarios;
using VpcCni.Simulator.Tests.Support;

namespace VpcCni.Simulator.Tests;

/// <summary><c>eventualConsistency.networkInterfaceNotFoundMs</c>: a new ENI is NotFound to Describe and Attach for a while.</summary>
public sealed class ScenarioEventualConsistencyTests
{
    [Fact]
    public async Task ANewEniIsNotFoundToDescribeAndAttachUntilTheWindowPasses()
    {
        var time = SimHarness.FakeTime();
        await using var sim = await SimHarness.StartAsync(s => s.EventualConsistency = new ScenarioEventualConsistency { NetworkInterfaceNotFoundMs = 2000 }, time);
        var eni = await sim.CreateEniAsync();
        var id = eni.NetworkInterfaceId;
        var ex = await Expect.Ec2ErrorAsync("InvalidNetworkInterfaceID.NotFound", 400, () => sim.DescribeEniAsync(id));
        Assert.Contains($"'{id}'", ex.Message, StringComparison.Ordinal);
        await Expect.Ec2ErrorAsync("InvalidNetworkInterfaceID.NotFound", 400, () => sim.AttachAsync(id, 1));
        var listed = await sim.Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { Filters = [new Filter("subnet-id", [sim.SubnetA])] });
        Assert.DoesNotContain(listed.NetworkInterfaces ?? [], e => e.NetworkInterfaceId == id);

        time.Advance(TimeSpan.FromMilliseconds(2000));
        Assert.Equal(id, (await sim.DescribeEniAsync(id)).NetworkInterfaceId);
        Assert.StartsWith("eni-attach-", await sim.AttachAsync(id, 1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTheSettingANewEniIsVisibleAtOnce()
    {
        await using var sim = await SimHarness.StartAsync();
        var eni = await sim.CreateEniAsync();
        Assert.Equal(eni.NetworkInterfaceId, (await sim.DescribeEniAsync(eni.NetworkInterfaceId)).NetworkInterfaceId);
    }

    [Fact]
    public void ANegativeWindowIsAScenarioError()
    {
        var scenario = Scenario.Default();
        var json = scenario.ToJson().Replace("\"networkInterfaceNotFoundMs\": 0", "\"networkInterfaceNotFoundMs\": -5", StringComparison.Ordinal);
        var ex = Assert.Throws<ScenarioException>(() => Scenario.FromJson(json, "ec.json"));
        Assert.Equal("eventualConsistency.networkInterfaceNotFoundMs", ex.Field);
    }
}
