using System.Diagnostics;
using System.Net.Http.Json;
using Amazon.EC2.Model;
using VpcCni.Simulator.Tests.Support;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Simulator.Tests;

public sealed class FaultInjectorTests
{
    [Fact]
    public async Task ACountedFaultFiresThatManyTimesThenTheRealAnswerReturns()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.Server.InjectFault(new FaultRule { Action = "DescribeSubnets", ErrorCode = "InternalError", Count = 1 });
        await Expect.Ec2ErrorAsync("InternalError", 500, () => sim.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest()));
        Assert.Equal(3, (await sim.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest())).Subnets.Count);
    }

    [Fact]
    public async Task ScenarioFaultsApplyWithTheirStatusAndMessage()
    {
        await using var sim = await SimHarness.StartAsync(s => s.Faults.Add(new FaultRule
        {
            Action = "AssignPrivateIpAddresses",
            ErrorCode = "InvalidParameterValue",
            Message = "There aren't sufficient free Ipv4 addresses or prefixes",
        }));
        var eni = await sim.CreateEniAsync();
        var ex = await Expect.Ec2ErrorAsync("InvalidParameterValue", 400, () => sim.Ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = eni.NetworkInterfaceId, Ipv4PrefixCount = 1 }));
        Assert.Equal("There aren't sufficient free Ipv4 addresses or prefixes", ex.Message);
    }

    [Fact]
    public async Task ControlEndpointAddsLatencyAndClearsFaults()
    {
        await using var sim = await SimHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = sim.Server.ControlEndpoint };
        var added = await http.PostAsJsonAsync("faults", new { action = "DescribeVpcs", latencyMs = 300 });
        Assert.True(added.IsSuccessStatusCode);
        var watch = Stopwatch.StartNew();
        await sim.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest());
        Assert.True(watch.ElapsedMilliseconds >= 290, $"took {watch.ElapsedMilliseconds} ms");
        Assert.True((await http.DeleteAsync("faults")).IsSuccessStatusCode);
        var bad = await http.PostAsJsonAsync("faults", new { action = "Nope", errorCode = "InternalError" });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("fault.action", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ControlEndpointReportsStateAndResetsTheWorld()
    {
        await using var sim = await SimHarness.StartAsync();
        await sim.CreateEniAsync();
        using var http = new HttpClient { BaseAddress = sim.Server.ControlEndpoint };
        var state = await http.GetStringAsync("state");
        Assert.Contains("\"networkInterfaces\"", state, StringComparison.Ordinal);
        Assert.Equal(2, sim.World.Inspect(w => w.NetworkInterfaces.Count));
        Assert.True((await http.PostAsync("reset", null)).IsSuccessStatusCode);
        Assert.Equal(1, sim.World.Inspect(w => w.NetworkInterfaces.Count));
        Assert.Empty(sim.Server.RequestLog.Snapshot());
    }
}
