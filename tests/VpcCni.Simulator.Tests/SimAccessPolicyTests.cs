using System.Net.Http.Json;
using Amazon.EC2.Model;
using VpcCni.Simulator.Tests.Support;

namespace VpcCni.Simulator.Tests;

public sealed class SimAccessPolicyTests
{
    [Fact]
    public async Task AnActionOutsideTheAllowListIsUnauthorized()
    {
        await using var sim = await SimHarness.StartAsync(s => s.AllowedActions = ["DescribeNetworkInterfaces", "CreateNetworkInterface"]);
        await sim.Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest());
        var ex = await Expect.Ec2ErrorAsync("UnauthorizedOperation", 403, () => sim.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest()));
        Assert.Equal("You are not authorized to perform this operation.", ex.Message);
    }

    [Fact]
    public async Task DryRunOfAnAllowedActionAnswersDryRunOperationAndChangesNothing()
    {
        await using var sim = await SimHarness.StartAsync();
        await Expect.Ec2ErrorAsync("DryRunOperation", 412, () => sim.Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = sim.SubnetA, DryRun = true }));
        Assert.Equal(1, sim.World.Inspect(w => w.NetworkInterfaces.Count));
        var eni = await sim.CreateEniAsync();
        await Expect.Ec2ErrorAsync("DryRunOperation", 412, () => sim.Ec2.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest { NetworkInterfaceId = eni.NetworkInterfaceId, InstanceId = sim.InstanceId, DeviceIndex = 1, DryRun = true }));
        Assert.Equal("available", (await sim.DescribeEniAsync(eni.NetworkInterfaceId)).Status.Value);

        // Validation comes before the DryRun checkpoint.
        await Expect.Ec2ErrorAsync("InvalidSubnetID.NotFound", 400, () => sim.Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = "subnet-00000000000000000", DryRun = true }));
    }

    [Fact]
    public async Task DryRunOfADeniedActionIsUnauthorized()
    {
        await using var sim = await SimHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = sim.Server.ControlEndpoint };
        Assert.True((await http.PostAsJsonAsync("iam", new { allowedActions = new[] { "DescribeSubnets" } })).IsSuccessStatusCode);
        await Expect.Ec2ErrorAsync("UnauthorizedOperation", 403, () => sim.Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = sim.SubnetA, DryRun = true }));
        await sim.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest());
    }
}
