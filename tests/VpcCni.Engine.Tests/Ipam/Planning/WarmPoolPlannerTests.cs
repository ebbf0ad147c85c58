using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Planning;
using VpcCni.Engine.Tests.Ipam.Fakes;

namespace VpcCni.Engine.Tests.Ipam.Planning;

/// <summary>Single-tick decisions (upstream `pkg/ipamd/ipamd_test.go` testIncreaseIPPool, testIncreasePrefixPool, TestDecreaseIPPool).</summary>
public partial class WarmPoolPlannerTests
{
    private static readonly PoolLimits Fourteen = new() { MaxEni = 4, MaxCidrsPerEni = 14, MaxPods = 500 };

    private static PoolPlan Plan(DatastoreSnapshot snapshot, PoolTargets targets, PoolLimits limits, bool schedulable = true,
        DateTimeOffset? lastDecrease = null, DateTimeOffset? backoffUntil = null) =>
        WarmPoolPlanner.Plan(new PoolPlanInput
        {
            Snapshot = snapshot,
            Targets = targets,
            Limits = limits,
            Now = snapshot.TakenAt,
            NodeSchedulable = schedulable,
            LastDecreaseAt = lastDecrease,
            InsufficientCidrBackoffUntil = backoffUntil,
        });

    [Fact]
    public async Task EmptyDatastoreWithWarmEniOneCreatesAnEniWithFourteenAddresses()
    {
        var plan = Plan(await Datastores.EmptyAsync(false), new PoolTargets { WarmEniTarget = 1 }, Fourteen);

        var create = Assert.IsType<CreateEniAction>(Assert.Single(plan.Actions));
        Assert.Equal((14, 0), (create.AddressCount, create.PrefixCount));
        Assert.True(plan.TooLow);
        Assert.Contains("create an ENI with 14 addresses", create.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyDatastoreWithWarmIpThreeCreatesAnEniWithThreeAddresses()
    {
        var plan = Plan(await Datastores.EmptyAsync(false), new PoolTargets { WarmIpTarget = 3 }, Fourteen);

        Assert.Equal(new CreateEniAction(3, 0, ""), Assert.IsType<CreateEniAction>(Assert.Single(plan.Actions)) with { Reason = "" });
    }

    [Fact]
    public async Task EmptyDatastoreWithWarmPrefixOneCreatesAnEniWithOnePrefix()
    {
        var plan = Plan(await Datastores.EmptyAsync(true), new PoolTargets { WarmPrefixTarget = 1, PrefixDelegation = true }, Fourteen);

        Assert.Equal(new CreateEniAction(0, 1, ""), Assert.IsType<CreateEniAction>(Assert.Single(plan.Actions)) with { Reason = "" });
    }

    [Fact]
    public async Task UnschedulableNodeChangesNothing()
    {
        var plan = Plan(await Datastores.EmptyAsync(false), new PoolTargets { WarmEniTarget = 1 }, Fourteen, schedulable: false);

        Assert.True(plan.IsEmpty);
        Assert.True(plan.TooLow);
        Assert.Contains(plan.Notes, n => n.Contains("unschedulable", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task CordonedOrTerminatingNodeStillReleasesSurplusAsUpstreamDoes(bool schedulable, bool terminating)
    {
        // WARM_IP=1 with two ENIs of two /32s and two pods: one address is surplus (upstream
        // decreaseDatastorePool has no schedulability or termination gate).
        var snapshot = await Datastores.SnapshotAsync(false, [2, 2], pods: 2, age: TimeSpan.FromSeconds(10));

        var plan = WarmPoolPlanner.Plan(new PoolPlanInput
        {
            Snapshot = snapshot,
            Targets = new PoolTargets { WarmIpTarget = 1 },
            Limits = Fourteen,
            Now = snapshot.TakenAt,
            NodeSchedulable = schedulable,
            Terminating = terminating,
        });

        var release = Assert.IsType<ReleaseCidrsAction>(Assert.Single(plan.Actions));
        Assert.Equal(("eni-2", 1), (release.EniId, release.Cidrs.Count));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task CordonedOrTerminatingNodeNeitherGrowsNorFreesEnis(bool schedulable, bool terminating)
    {
        var empty = await Datastores.EmptyAsync(false);
        var threeIdleEnis = await Datastores.SnapshotAsync(false, [9, 9, 9]);
        var limits = new PoolLimits { MaxEni = 3, MaxCidrsPerEni = 9 };

        PoolPlan PlanOf(DatastoreSnapshot s) => WarmPoolPlanner.Plan(new PoolPlanInput
        {
            Snapshot = s, Targets = new PoolTargets { WarmEniTarget = 1 }, Limits = limits, Now = s.TakenAt,
            NodeSchedulable = schedulable, Terminating = terminating,
        });

        var grow = PlanOf(empty);
        var free = PlanOf(threeIdleEnis);

        Assert.True(grow.TooLow);
        Assert.Empty(grow.Actions);
        Assert.Empty(free.Actions);
        Assert.Contains(free.Notes, n => n.Contains("ENI", StringComparison.Ordinal) && n.Contains("not freed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnschedulableNodeIsManagedWhenAllowed()
    {
        var targets = new PoolTargets { WarmEniTarget = 1, ManageEnisWhenUnschedulable = true };

        Assert.Single(Plan(await Datastores.EmptyAsync(false), targets, Fourteen, schedulable: false).Actions);
    }

    [Fact]
    public async Task ExistingEniIsFilledBeforeAnotherIsCreated()
    {
        var plan = Plan(await Datastores.SnapshotAsync(false, [14, 4], pods: 18), new PoolTargets { WarmIpTarget = 3 }, Fourteen);

        var fill = Assert.IsType<AssignAddressesAction>(Assert.Single(plan.Actions));
        Assert.Equal(("eni-2", 3), (fill.EniId, fill.Count));
    }

    [Fact]
    public async Task FillIsCappedAtTheRoomLeftOnTheEni()
    {
        var plan = Plan(await Datastores.SnapshotAsync(false, [12], pods: 12), new PoolTargets { WarmEniTarget = 1 }, Fourteen);

        Assert.Equal(2, Assert.IsType<AssignAddressesAction>(Assert.Single(plan.Actions)).Count);
    }

    [Fact]
    public async Task CustomNetworkingNeverFillsThePrimaryEni()
    {
        var plan = Plan(await Datastores.SnapshotAsync(false, [0]), new PoolTargets { WarmIpTarget = 2, CustomNetworking = true }, Fourteen);

        Assert.Equal(2, Assert.IsType<CreateEniAction>(Assert.Single(plan.Actions)).AddressCount);
    }

    [Fact]
    public async Task PrefixFillAsksForTheMissingWarmPrefixes()
    {
        var plan = Plan(await Datastores.SnapshotAsync(true, [1], pods: 16), new PoolTargets { WarmPrefixTarget = 3, PrefixDelegation = true }, Fourteen);

        var fill = Assert.IsType<AssignPrefixesAction>(Assert.Single(plan.Actions));
        Assert.Equal(("eni-1", 3), (fill.EniId, fill.Count));
    }

    [Fact]
    public async Task GrowthWaitsOutTheInsufficientCidrBackoff()
    {
        var snapshot = await Datastores.EmptyAsync(false);

        var plan = Plan(snapshot, new PoolTargets { WarmEniTarget = 1 }, Fourteen, backoffUntil: snapshot.TakenAt.AddSeconds(1));

        Assert.True(plan.IsEmpty);
        Assert.Contains(plan.Notes, n => n.Contains("ran out of addresses", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FullEnisAtTheEniLimitBlockGrowth()
    {
        var plan = Plan(await Datastores.SnapshotAsync(false, [3, 3], pods: 6), new PoolTargets { WarmEniTarget = 1, PodEniEnabled = true },
            new PoolLimits { MaxEni = 3, MaxCidrsPerEni = 3 });

        Assert.True(plan.IsEmpty);
        Assert.Contains(plan.Notes, n => n.Contains("trunk reserve 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DecreaseReleasesExactlyOneAddressThenNothing()
    {
        // Two ENIs with two /32s each and two pods; WARM_IP=1: total 4, assigned 2, available 2 → over 1.
        var targets = new PoolTargets { WarmIpTarget = 1 };
        var limits = new PoolLimits { MaxEni = 4, MaxCidrsPerEni = 14 };
        var snapshot = await Datastores.SnapshotAsync(false, [2, 2], pods: 2, age: TimeSpan.FromSeconds(10));

        var plan = Plan(snapshot, targets, limits);

        var release = Assert.IsType<ReleaseCidrsAction>(Assert.Single(plan.Actions));
        Assert.Equal(("eni-2", 1), (release.EniId, release.Cidrs.Count));
        Assert.Equal(1, plan.Target.Surplus);

        var after = snapshot.WithoutCidrs(release.EniId, [.. release.Cidrs]);
        var second = Plan(after, targets, limits);
        Assert.True(second.IsEmpty);
        Assert.Equal(0, second.Target.Surplus);
    }

    [Fact]
    public async Task ReleasesAreAtMostEveryThirtySeconds()
    {
        var snapshot = await Datastores.SnapshotAsync(false, [2, 2], pods: 2, age: TimeSpan.FromSeconds(10));
        var targets = new PoolTargets { WarmIpTarget = 1 };

        Assert.True(Plan(snapshot, targets, Fourteen, lastDecrease: snapshot.TakenAt.AddSeconds(-29)).IsEmpty);
        Assert.Single(Plan(snapshot, targets, Fourteen, lastDecrease: snapshot.TakenAt.AddSeconds(-30)).Actions);
    }

    [Fact]
    public async Task AnEniIsJudgedAfterThisTicksReleases()
    {
        // WARM_IP=2: eni-1 holds both pods, eni-2 and eni-3 two free IPs each; available 4, over 2.
        // Before the release eni-2 could go (eni-3 keeps 2 free); the release empties eni-3 (the
        // emptiest, newest ENI), after which only eni-3 can go, and its deletion covers the release.
        var snapshot = await Datastores.SnapshotAsync(false, [2, 2, 2], pods: 2);
        var targets = new PoolTargets { WarmIpTarget = 2 };
        Assert.Equal("eni-2", EniDeletability.FindDeletable(snapshot, new DeletabilityTargets(2), snapshot.TakenAt)!.EniId);

        var plan = Plan(snapshot, targets, Fourteen);

        Assert.Equal("eni-3", Assert.IsType<FreeEniAction>(Assert.Single(plan.Actions)).EniId);
        Assert.Contains("the releases from ENI eni-3 are left to its deletion", plan.Notes);
    }

    [Fact]
    public async Task SurplusIsTakenFromTheEmptiestSecondaryEniFirstSoTheWholeEniCanGo()
    {
        // WARM_IP=1: eni-1 (primary) has 3 IPs and 2 pods, eni-2 two free IPs; available 3, over 2.
        // Taking the surplus from the primary would strand eni-2 with the one free IP the target needs;
        // taking it from eni-2 empties it, and the primary's free IP meets the target alone.
        var snapshot = await Datastores.SnapshotAsync(false, [3, 2], pods: 2);

        var plan = Plan(snapshot, new PoolTargets { WarmIpTarget = 1 }, Fourteen);

        Assert.Equal("eni-2", Assert.IsType<FreeEniAction>(Assert.Single(plan.Actions)).EniId);
    }

    [Fact]
    public async Task SurplusComesFromTheSecondaryEniWithFewestPodsBeforeTheOthers()
    {
        // WARM_IP=1, MINIMUM_IP=9: 12 IPs, 7 pods (eni-1 four, eni-2 three, eni-3 none), 3 over the
        // minimum. They come from eni-3, which then stays: without it the node would hold 8 < 9.
        var snapshot = await Datastores.SnapshotAsync(false, [4, 4, 4], pods: 7);

        var plan = Plan(snapshot, new PoolTargets { WarmIpTarget = 1, MinimumIpTarget = 9 }, Fourteen);

        var release = Assert.IsType<ReleaseCidrsAction>(Assert.Single(plan.Actions));
        Assert.Equal(("eni-3", 3), (release.EniId, release.Cidrs.Count));
    }

    [Fact]
    public async Task OneGrowthCallNeverTakesThePoolPastMaxPods()
    {
        // WARM_IP=7 on an empty ENI, but the kubelet runs at most 4 pods: ask for 4, not 7.
        var snapshot = await Datastores.SnapshotAsync(false, [0]);

        var plan = Plan(snapshot, new PoolTargets { WarmIpTarget = 7 }, Fourteen with { MaxPods = 4 });

        Assert.Equal(4, Assert.IsType<AssignAddressesAction>(Assert.Single(plan.Actions)).Count);
    }

    [Fact]
    public async Task OneUnneededEniIsFreedPerTick()
    {
        // WARM_ENI=1 with 9 IPs per ENI: three empty, old ENIs hold 27 available ≥ (1 + 1) × 9.
        var snapshot = await Datastores.SnapshotAsync(false, [9, 9, 9]);

        var plan = Plan(snapshot, new PoolTargets { WarmEniTarget = 1 }, new PoolLimits { MaxEni = 3, MaxCidrsPerEni = 9 });

        Assert.Equal("eni-2", Assert.IsType<FreeEniAction>(Assert.Single(plan.Actions)).EniId);
    }

    [Fact]
    public async Task CoolingAddressesAreNeitherAvailableNorSurplus()
    {
        using var node = FakeNodePool.FreshNode(new PoolTargets { WarmIpTarget = 1 }, Fourteen);
        await node.AddPodsAsync(2);
        await node.TickUntilStableAsync();
        Assert.Equal([3], node.CidrsPerEni);

        await node.RemovePodsAsync(1);
        var plan = await node.TickAsync();

        // Ours: total 3, assigned 1, cooling 1 → available 1 = WARM_IP, nothing to do. Upstream
        // counts the cooling IP as available (2), finds 1 surplus and may release the only
        // immediately usable IP, so the next pod waits out the cooldown (issue #2896).
        Assert.Equal((3, 1, 1, 1), (plan.Stats.TotalIps, plan.Stats.AssignedIps, plan.Stats.CooldownIps, plan.Stats.Available));
        Assert.Empty(plan.Actions);
    }

    [Fact]
    public async Task ModeMismatchAndNegativeTargetsAreRejected()
    {
        var snapshot = await Datastores.EmptyAsync(false);

        Assert.Equal(ErrorIds.Ipam.PoolModeMismatch, Assert.Throws<VpcCniException>(() => Plan(snapshot, new PoolTargets { PrefixDelegation = true }, Fourteen)).ErrorId);
        var negative = Assert.Throws<VpcCniException>(() => Plan(snapshot, new PoolTargets { WarmIpTarget = -1 }, Fourteen));
        Assert.Equal(VpcCniErrorCategory.InvalidArgument, negative.Category);
    }
}
