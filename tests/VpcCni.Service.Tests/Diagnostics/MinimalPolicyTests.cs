using System.Globalization;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Aws.Iam;
using VpcCni.Engine.Diagnostics.Checks;
using VpcCni.Service.Tests.Node.Support;
using VpcCni.Service.Tests.Support;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Service.Tests.Diagnostics;

/// <summary>
/// The generated IPv4 policy is enough and not more (docs/iam.md, "How the policy is generated and
/// proven"): the service's whole lifecycle runs with the simulator's IAM allow-list set to exactly its
/// actions (start, growth onto a second ENI, release, freeing that ENI, leaked-ENI cleanup), uses each
/// of them, and the IAM check fails naming any one action taken away.
/// </summary>
public sealed class MinimalPolicyTests
{
    /// <summary>Granted but never sent in this lifecycle, each for a reason the simulator cannot show.</summary>
    private static readonly Dictionary<string, string> NotExercised = new(StringComparer.Ordinal)
    {
        // m5.large is in the built-in table; a type the table lacks is described through EC2.
        ["DescribeInstanceTypes"] = "types outside the table",

        // Real EC2 checks ec2:CreateTags for CreateNetworkInterface's TagSpecifications; the simulator does not.
        ["CreateTags"] = "tag-on-create",
    };

    private static string[] PolicyActions => [.. IamPolicyGenerator.Generate(new IamPolicyRequest()).Actions.Select(a => a["ec2:".Length..])];

    public static TheoryData<string> EachAction() => [.. PolicyActions];

    [Fact]
    public async Task StartGrowShrinkAndLeakedEniCleanupSucceedWithExactlyThePolicyAndUseEachOfItsActions()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = Scenario.Default() }, CancellationToken.None);
        var leaked = await CreateLeakedEniAsync(sim);
        sim.SetAllowedActions(PolicyActions);
        using var directory = new TempDirectory();
        await using var node = await NodeHarness.StartAsync(sim, directory, new Dictionary<string, string?>
        {
            ["WARM_IP_TARGET"] = "2",
            ["IP_COOLDOWN_PERIOD"] = "1",
            ["NodeLoop:MinimumEniLifetime"] = "00:00:01",
            ["NodeLoop:DecreaseInterval"] = "00:00:00.200",
            ["LeakedEniCleanup:InitialDelay"] = "00:00:00.050",
            ["LeakedEniCleanup:Interval"] = "00:00:00.200",
            ["LeakedEniCleanup:Jitter"] = "00:00:00.020",
        });

        // Grow past the primary ENI's 9 secondary addresses of an m5.large, so a second ENI is made.
        var deadline = DateTime.UtcNow.AddMinutes(1);
        var pods = Enumerable.Range(0, 12).Select(i => $"pod-{i}").ToArray();
        foreach (var pod in pods)
        {
            Assert.True((await node.Cni.AddNetworkAsync(ServiceHarness.AddRequest(pod), deadline: deadline)).Success, pod);
        }

        await NodeHarness.EventuallyAsync(() => node.CidrsPerEni.Length >= 2, "a second ENI is attached");

        // Shrink: the second ENI is emptied first and freed (detached and deleted), the primary's surplus goes back.
        foreach (var pod in pods)
        {
            Assert.True((await node.Cni.DelNetworkAsync(ServiceHarness.DelRequest(pod))).Success, pod);
        }

        await NodeHarness.EventuallyAsync(() => sim.RequestLog.Snapshot().Any(r => r.Action == "UnassignPrivateIpAddresses" && r.ErrorCode is null), "surplus addresses are released");
        await NodeHarness.EventuallyAsync(() => node.CidrsPerEni.Length == 1 && sim.RequestLog.Snapshot().Any(r => r.Action == "DetachNetworkInterface" && r.ErrorCode is null), "the second ENI is freed");
        await NodeHarness.EventuallyAsync(() => !sim.World.Inspect(w => w.NetworkInterfaces.ContainsKey(leaked)), "the leaked ENI is deleted");

        var log = sim.RequestLog.Snapshot();
        Assert.DoesNotContain(log, r => r.ErrorCode == "UnauthorizedOperation");
        var used = log.Select(r => r.Action).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(PolicyActions.Except(NotExercised.Keys).Order(StringComparer.Ordinal), PolicyActions.Where(used.Contains).Order(StringComparer.Ordinal));
        Assert.Subset(PolicyActions.ToHashSet(StringComparer.Ordinal), used.Where(a => a.Length > 0).ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheIamCheckPassesWithExactlyThePolicy()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = Scenario.Default() }, CancellationToken.None);
        sim.SetAllowedActions(PolicyActions);
        using var checks = new SimulatedCheckContext(sim);

        var result = await checks.RunAsync(new IamPermissionsCheck());

        Assert.True(result.Status == NodeCheckStatus.Pass, result.Detail);
        Assert.DoesNotContain(sim.RequestLog.Snapshot(), r => r.ErrorCode is null && r.Action is "AssignPrivateIpAddresses" or "CreateNetworkInterface" or "DeleteNetworkInterface");
        Assert.Equal(0, sim.World.Inspect(w => w.NetworkInterfaces.Count) - 1);
    }

    [Theory]
    [MemberData(nameof(EachAction))]
    public async Task WithOneActionOfThePolicyTakenAwayTheIamCheckFailsNamingItAndProposingItsStatement(string action)
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = Scenario.Default() }, CancellationToken.None);
        sim.SetAllowedActions(PolicyActions.Where(a => a != action));
        using var checks = new SimulatedCheckContext(sim);

        var result = await checks.RunAsync(new IamPermissionsCheck());

        Assert.Equal(NodeCheckStatus.Fail, result.Status);
        Assert.Equal($"Denied: ec2:{action} ({PolicyActions.Length - 1} of {PolicyActions.Length} allowed).", result.Detail);
        Assert.Contains($"\"ec2:{action}\"", result.Remedy, StringComparison.Ordinal);
    }

    /// <summary>An ENI as a node that died after creating it leaves it: tagged for this instance, ten minutes old, never attached.</summary>
    private static async Task<string> CreateLeakedEniAsync(SimulatorServer sim)
    {
        var (ec2, client) = NodeHarness.Ec2(sim);
        using var _ = client;
        var instance = (await ec2.DescribeInstancesAsync(Ec2DescribeQuery.All, CancellationToken.None)).Single();
        var created = await ec2.CreateNetworkInterfaceAsync(new Ec2CreateNetworkInterfaceRequest
        {
            SubnetId = instance.SubnetId!,
            Description = "aws-K8S-" + instance.InstanceId,
            Tags = new Dictionary<string, string>
            {
                ["node.k8s.amazonaws.com/instance_id"] = instance.InstanceId,
                ["node.k8s.amazonaws.com/createdAt"] = DateTimeOffset.UtcNow.AddMinutes(-10).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            },
        }, CancellationToken.None);
        return created.NetworkInterfaceId;
    }
}
