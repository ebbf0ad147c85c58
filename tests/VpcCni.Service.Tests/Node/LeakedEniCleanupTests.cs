using System.Globalization;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Aws;
using VpcCni.Service.Tests.Node.Support;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Service.Tests.Node;

/// <summary>
/// The leaked-ENI cleanup against the simulator: ENIs are made through its EC2 with the tags and
/// description the node writes, and the cleanup runs every 200 ms.
/// </summary>
public sealed class LeakedEniCleanupTests
{
    private static readonly Dictionary<string, string?> FastCleanup = new()
    {
        ["LeakedEniCleanup:InitialDelay"] = "00:00:00.050",
        ["LeakedEniCleanup:Interval"] = "00:00:00.200",
        ["LeakedEniCleanup:Jitter"] = "00:00:00.020",
    };

    [Fact]
    public async Task OnlyAnAvailableEniOfThisInstanceCreatedMoreThanFiveMinutesAgoIsDeleted()
    {
        await using var sim = await StartSimulatorAsync();
        var (ec2, client) = NodeHarness.Ec2(sim);
        using var _ = client;
        var instance = (await ec2.DescribeInstancesAsync(Ec2DescribeQuery.All, CancellationToken.None)).Single();
        var leaked = await CreateAsync(ec2, instance, instance.InstanceId, TimeSpan.FromMinutes(10));
        var fresh = await CreateAsync(ec2, instance, instance.InstanceId, TimeSpan.FromMinutes(1));
        var otherInstances = await CreateAsync(ec2, instance, "i-0123456789abcdef0", TimeSpan.FromMinutes(10));
        var attached = await CreateAsync(ec2, instance, instance.InstanceId, TimeSpan.FromMinutes(10));
        await ec2.AttachNetworkInterfaceAsync(new Ec2AttachNetworkInterfaceRequest(attached, instance.InstanceId, 1), CancellationToken.None);
        using var directory = new TempDirectory();

        await using var node = await NodeHarness.StartAsync(sim, directory, FastCleanup);

        await NodeHarness.EventuallyAsync(() => !Exists(sim, leaked), "the leaked ENI is deleted");
        var describes = NodeHarness.Requests(sim, "DescribeNetworkInterfaces");
        await NodeHarness.EventuallyAsync(() => NodeHarness.Requests(sim, "DescribeNetworkInterfaces") >= describes + 2, "two more cleanup runs");
        Assert.True(Exists(sim, fresh), "the ENI created a minute ago is kept");
        Assert.True(Exists(sim, otherInstances), "another instance's ENI is kept");
        Assert.True(Exists(sim, attached), "the attached ENI is kept");
        Assert.Equal(1, NodeHarness.Requests(sim, "DeleteNetworkInterface"));
    }

    [Fact]
    public async Task WithDisableLeakedEniCleanupNothingIsDeleted()
    {
        await using var sim = await StartSimulatorAsync();
        var (ec2, client) = NodeHarness.Ec2(sim);
        using var _ = client;
        var instance = (await ec2.DescribeInstancesAsync(Ec2DescribeQuery.All, CancellationToken.None)).Single();
        var leaked = await CreateAsync(ec2, instance, instance.InstanceId, TimeSpan.FromMinutes(10));
        using var directory = new TempDirectory();

        await using var node = await NodeHarness.StartAsync(sim, directory, new Dictionary<string, string?>(FastCleanup)
        {
            ["DISABLE_LEAKED_ENI_CLEANUP"] = "true",
        });

        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.True(Exists(sim, leaked));
        Assert.Equal(0, NodeHarness.Requests(sim, "DeleteNetworkInterface"));
    }

    [Fact]
    public async Task AnAvailableEniOfThisInstanceWithoutACreatedAtTagIsDeleted()
    {
        await using var sim = await StartSimulatorAsync();
        var (ec2, client) = NodeHarness.Ec2(sim);
        using var _ = client;
        var instance = (await ec2.DescribeInstancesAsync(Ec2DescribeQuery.All, CancellationToken.None)).Single();
        var untimed = await CreateAsync(ec2, instance, instance.InstanceId, age: null);
        using var directory = new TempDirectory();

        await using var node = await NodeHarness.StartAsync(sim, directory, FastCleanup);

        await NodeHarness.EventuallyAsync(() => !Exists(sim, untimed), "the ENI without a creation time is deleted");
    }

    [Theory]
    [InlineData("LeakedEniCleanup:Interval", "00:00:00")]
    [InlineData("LeakedEniCleanup:Jitter", "-00:00:01")]
    [InlineData("NodeReconcile:Interval", "00:00:00")]
    public async Task TheHostRefusesToStartWithANonPositiveIntervalOrANegativeJitter(string key, string value)
    {
        await using var sim = await StartSimulatorAsync();
        using var directory = new TempDirectory();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => NodeHarness.StartAsync(sim, directory, new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    /// <summary>An ENI as the node's ENI provider creates it, in the instance's subnet, tagged as created <paramref name="age"/> ago (no tag when null).</summary>
    private static async Task<string> CreateAsync(SdkEc2Api ec2, Ec2Instance instance, string ownerInstanceId, TimeSpan? age)
    {
        var tags = new Dictionary<string, string> { ["node.k8s.amazonaws.com/instance_id"] = ownerInstanceId };
        if (age is { } ago)
        {
            tags["node.k8s.amazonaws.com/createdAt"] = (DateTimeOffset.UtcNow - ago).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        }

        var created = await ec2.CreateNetworkInterfaceAsync(new Ec2CreateNetworkInterfaceRequest
        {
            SubnetId = instance.SubnetId!,
            Description = "aws-K8S-" + ownerInstanceId,
            Tags = tags,
        }, CancellationToken.None);
        return created.NetworkInterfaceId;
    }

    private static bool Exists(SimulatorServer sim, string eniId) =>
        sim.World.Inspect(w => w.NetworkInterfaces.ContainsKey(eniId));

    private static Task<SimulatorServer> StartSimulatorAsync() =>
        SimulatorServer.StartAsync(new SimulatorOptions { Scenario = Scenario.Default() }, CancellationToken.None);
}
