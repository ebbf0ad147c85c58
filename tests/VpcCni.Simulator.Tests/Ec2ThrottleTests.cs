using Amazon.EC2.Model;
using VpcCni.Simulator.Tests.Support;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Simulator.Tests;

public sealed class Ec2ThrottleTests
{
    [Fact]
    public async Task AnEmptyBucketAnswersRequestLimitExceededUntilItRefills()
    {
        var time = SimHarness.FakeTime();
        await using var sim = await SimHarness.StartAsync(
            s => s.Throttling = new ScenarioThrottling { Enabled = true, Overrides = { ["AssignPrivateIpAddresses"] = new ScenarioBucket { Capacity = 2, RefillPerSecond = 1 } } },
            time);
        var eni = await sim.CreateEniAsync();
        var request = new AssignPrivateIpAddressesRequest { NetworkInterfaceId = eni.NetworkInterfaceId, SecondaryPrivateIpAddressCount = 1 };
        await sim.Ec2.AssignPrivateIpAddressesAsync(request);
        await sim.Ec2.AssignPrivateIpAddressesAsync(request);
        var ex = await Expect.Ec2ErrorAsync("RequestLimitExceeded", 503, () => sim.Ec2.AssignPrivateIpAddressesAsync(request));
        Assert.Equal("Request limit exceeded.", ex.Message);

        // Other actions have their own buckets.
        await sim.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest());
        time.Advance(TimeSpan.FromSeconds(1));
        await sim.Ec2.AssignPrivateIpAddressesAsync(request);
        Assert.Equal(4, (await sim.DescribeEniAsync(eni.NetworkInterfaceId)).PrivateIpAddresses.Count);
    }

    [Fact]
    public async Task UnfilteredDescribeUsesTheSmallerBucketAndFilteredTheLargerOne()
    {
        var time = SimHarness.FakeTime();
        await using var sim = await SimHarness.StartAsync(s => s.Throttling = new ScenarioThrottling { Enabled = true }, time);
        for (var i = 0; i < 50; i++)
        {
            await sim.Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest());
        }

        await Expect.Ec2ErrorAsync("RequestLimitExceeded", 503, () => sim.Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest()));
        await sim.Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { Filters = [new Filter("status", ["available"])] });
    }

    [Fact]
    public async Task TheSdkRetriesAThrottledCallAndTheLogShowsBothAttempts()
    {
        await using var sim = await SimHarness.StartAsync(s => s.Throttling = new ScenarioThrottling { Enabled = true }, maxErrorRetry: 4);
        sim.Server.DrainThrottleBucket("DescribeSubnets");
        var response = await sim.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest());
        Assert.Equal(3, response.Subnets.Count);
        var attempts = sim.Server.RequestLog.Snapshot().Where(r => r.Action == "DescribeSubnets").ToList();
        Assert.True(attempts.Count >= 2);
        Assert.Equal(503, attempts[0].HttpStatus);
        Assert.Equal("RequestLimitExceeded", attempts[0].ErrorCode);
        Assert.Equal(200, attempts[^1].HttpStatus);
        Assert.Single(attempts.Select(a => a.InvocationId).Distinct());
        Assert.Equal(1, attempts[0].Attempt);
        Assert.Equal(attempts.Count, attempts[^1].Attempt);
    }

    [Fact]
    public async Task DisabledThrottlingNeverThrottles()
    {
        var time = SimHarness.FakeTime();
        await using var sim = await SimHarness.StartAsync(s => s.Throttling.Enabled = false, time);
        for (var i = 0; i < 60; i++)
        {
            await sim.Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest());
        }
    }
}
