using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Planning;
using VpcCni.Engine.Tests.Ipam.Fakes;

namespace VpcCni.Engine.Tests.Ipam.Planning;

/// <summary>Plans for AddNetwork calls that wait for an address (docs/ipam.md, "Demand").</summary>
public sealed class DemandGrowPlannerTests
{
    // An m5.4xlarge: 8 ENIs × 30 IPv4 addresses, so 29 secondary addresses per ENI.
    private static readonly PoolLimits M54xlarge = new() { MaxEni = 8, MaxCidrsPerEni = 29, MaxPods = 234 };

    private static PoolPlan Plan(DatastoreSnapshot snapshot, int demand, PoolTargets? targets = null, PoolLimits? limits = null,
        PendingGrowth? pending = null, bool terminating = false, DateTimeOffset? backoffUntil = null) =>
        WarmPoolPlanner.Plan(new PoolPlanInput
        {
            Snapshot = snapshot,
            Targets = targets ?? new PoolTargets { WarmEniTarget = 1 },
            Limits = limits ?? M54xlarge,
            Now = snapshot.TakenAt,
            Demand = demand,
            Pending = pending ?? PendingGrowth.None,
            Terminating = terminating,
            InsufficientCidrBackoffUntil = backoffUntil,
        });

    [Fact]
    public async Task AHundredWaitingCallsOnAnEmptyPrimaryFillItAndCreateThreeFullEnisInOnePlan()
    {
        var plan = Plan(await Datastores.SnapshotAsync(false, [0]), demand: 100);

        Assert.Equal(
            [new AssignAddressesAction("eni-1", 29, ""), new CreateEniAction(29, 0, ""), new CreateEniAction(29, 0, ""), new CreateEniAction(29, 0, "")],
            plan.Actions.Select(a => a with { Reason = "" }));
        Assert.True(plan.TooLow);
    }

    [Fact]
    public async Task GrowthInFlightCountsAsArrivedAndItsEniIsNotFilledTwice()
    {
        var snapshot = await Datastores.SnapshotAsync(false, [0]);
        var pending = PendingGrowth.Of([new AssignAddressesAction("eni-1", 29, "tick")]);

        var plan = Plan(snapshot, demand: 100, pending: pending);

        Assert.Equal(3, plan.Actions.Count);
        Assert.All(plan.Actions, a => Assert.Equal(new CreateEniAction(29, 0, ""), a with { Reason = "" }));
    }

    [Fact]
    public async Task AnEniGivingAddressesBackIsNotFilledUntilThatLandsAndNoEniIsOpenedForWhatItWillHold()
    {
        // EC2 still counts the addresses being unassigned; an assign meanwhile could exceed the ENI's limit.
        var snapshot = await Datastores.SnapshotAsync(false, [0]);
        var pending = PendingGrowth.Of([new ReleaseCidrsAction("eni-1", [System.Net.IPNetwork.Parse("10.0.0.9/32")], "tick")]);

        var plan = Plan(snapshot, demand: 5, pending: pending);

        Assert.True(plan.IsEmpty);
        Assert.Contains(plan.Notes, n => n.Contains("eni-1 is giving CIDRs back", StringComparison.Ordinal));

        // More calls than it can hold: only the rest opens an ENI.
        var more = Plan(snapshot, demand: 40, pending: pending);
        Assert.Equal([new CreateEniAction(29, 0, "")], more.Actions.Select(a => a with { Reason = "" }));
    }

    [Fact]
    public async Task NothingMoreIsPlannedWhileGrowthInFlightCoversTheWaitingCalls()
    {
        var snapshot = await Datastores.SnapshotAsync(false, [29]);
        var pending = PendingGrowth.Of([new CreateEniAction(29, 0, "a"), new CreateEniAction(29, 0, "b"), new CreateEniAction(29, 0, "c")]);

        var plan = Plan(snapshot, demand: 100, pending: pending);

        Assert.True(plan.IsEmpty);
        Assert.Contains(plan.Notes, n => n.Contains("covers the waiting calls", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithIpTargetsCallsThatFitAnEniInFlightWaitForItInsteadOfOpeningAnother()
    {
        // A t3.small (3 ENIs × 4 IPv4): the full primary holds 3 pods, a second ENI is being created with
        // 1 address and 2 more calls wait. Upstream's loop ends at 2 ENIs (3, 3); so must this.
        var t3Small = new PoolLimits { MaxEni = 3, MaxCidrsPerEni = 3, MaxPods = 11 };
        var targets = new PoolTargets { WarmIpTarget = 1, MinimumIpTarget = 1 };
        var pending = PendingGrowth.Of([new CreateEniAction(1, 0, "in flight")]);

        var plan = Plan(await Datastores.SnapshotAsync(false, [3], pods: 3), demand: 2, targets: targets, limits: t3Small, pending: pending);

        Assert.True(plan.IsEmpty);
        Assert.Contains(plan.Notes, n => n.Contains("no new ENI", StringComparison.Ordinal));

        // Once more is short than the ENI in flight can take, another ENI is created.
        var more = Plan(await Datastores.SnapshotAsync(false, [3], pods: 3), demand: 4, targets: targets, limits: t3Small, pending: pending);
        Assert.Single(more.Actions.OfType<CreateEniAction>());
    }

    [Fact]
    public async Task CreatesStopAtTheEniLimitCountingEnisBeingCreated()
    {
        var limits = M54xlarge with { MaxEni = 4 };
        var pending = PendingGrowth.Of([new CreateEniAction(29, 0, "in flight")]);

        var plan = Plan(await Datastores.SnapshotAsync(false, [0]), demand: 200, limits: limits, pending: pending);

        Assert.Single(plan.Actions.OfType<AssignAddressesAction>());
        Assert.Equal(2, plan.Actions.OfType<CreateEniAction>().Count());
        Assert.Contains(plan.Notes, n => n.Contains("no room for another ENI", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithAWarmIpTargetTheShortageAfterTheWaitingCallsIsPlannedExactly()
    {
        var plan = Plan(await Datastores.SnapshotAsync(false, [0]), demand: 40, targets: new PoolTargets { WarmIpTarget = 5 });

        Assert.Equal(
            [new AssignAddressesAction("eni-1", 29, ""), new CreateEniAction(16, 0, "")],
            plan.Actions.Select(a => a with { Reason = "" }));
    }

    [Fact]
    public async Task InPrefixModeTheWaitingCallsAreRoundedUpToPrefixes()
    {
        var targets = new PoolTargets { WarmPrefixTarget = 1, PrefixDelegation = true };

        var plan = Plan(await Datastores.SnapshotAsync(true, [0]), demand: 40, targets: targets);

        Assert.Equal(new AssignPrefixesAction("eni-1", 3, ""), Assert.Single(plan.Actions) with { Reason = "" });
    }

    [Fact]
    public async Task GrowthForWaitingCallsStopsAtMaxPods()
    {
        var plan = Plan(await Datastores.SnapshotAsync(false, [0]), demand: 100, limits: M54xlarge with { MaxPods = 50 });

        Assert.Equal(
            [new AssignAddressesAction("eni-1", 29, ""), new CreateEniAction(29, 0, "")],
            plan.Actions.Select(a => a with { Reason = "" }));
    }

    [Fact]
    public async Task WaitingCallsNeverReleaseOrFreeEvenWhenThePoolIsOverItsTargets()
    {
        var snapshot = await Datastores.SnapshotAsync(false, [29, 29, 29], age: TimeSpan.FromMinutes(10));

        var plan = Plan(snapshot, demand: 1, targets: new PoolTargets { WarmIpTarget = 1 });

        Assert.True(plan.IsEmpty);
        Assert.False(plan.TooHigh);
    }

    [Fact]
    public async Task ATerminatingServiceOrASubnetBackoffDoesNotGrowForWaitingCalls()
    {
        var snapshot = await Datastores.SnapshotAsync(false, [0]);

        Assert.True(Plan(snapshot, demand: 10, terminating: true).IsEmpty);
        Assert.True(Plan(snapshot, demand: 10, backoffUntil: snapshot.TakenAt.AddMinutes(1)).IsEmpty);
    }

    [Fact]
    public async Task NegativeDemandIsRefused()
    {
        var snapshot = await Datastores.SnapshotAsync(false, [0]);

        var error = Assert.Throws<VpcCniException>(() => Plan(snapshot, demand: -1));

        Assert.Equal(ErrorIds.Ipam.InvalidPoolDemand, error.ErrorId);
    }

    [Fact]
    public void PendingGrowthCountsCidrsAndEnisOfGrowActionsOnly()
    {
        var pending = PendingGrowth.Of(
        [
            new AssignAddressesAction("eni-1", 5, "fill"),
            new CreateEniAction(29, 0, "create"),
            new FreeEniAction("eni-3", "free"),
        ]);

        Assert.Equal((34, 1), (pending.Cidrs, pending.Enis));
        Assert.Equal(["eni-1"], pending.FillingEniIds);
        Assert.True(PendingGrowth.Of([new FreeEniAction("eni-3", "free")]).IsEmpty);
    }
}
