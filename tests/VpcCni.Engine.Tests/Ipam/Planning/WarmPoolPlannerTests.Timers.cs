using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Planning;
using VpcCni.Engine.Tests.Ipam.Fakes;

namespace VpcCni.Engine.Tests.Ipam.Planning;

/// <summary>
/// The two waits of upstream <c>pkg/ipamd/ipamd.go</c> (<c>decreaseIPPoolInterval</c>, 30 s) and
/// <c>pkg/ipamd/datastore/data_store.go</c> (<c>minENILifeTime</c>, 60 s) are inputs with those defaults,
/// so a service under test can shorten them.
/// </summary>
public partial class WarmPoolPlannerTests
{
    [Fact]
    public async Task TheDecreaseIntervalDefaultsToThirtySecondsAndCanBeShortened()
    {
        var snapshot = await Datastores.SnapshotAsync(false, [2, 2], pods: 2, age: TimeSpan.FromSeconds(10));
        PoolPlan Release(TimeSpan ago, TimeSpan? interval = null) => WarmPoolPlanner.Plan(new PoolPlanInput
        {
            Snapshot = snapshot,
            Targets = new PoolTargets { WarmIpTarget = 1 },
            Limits = Fourteen,
            Now = snapshot.TakenAt,
            LastDecreaseAt = snapshot.TakenAt - ago,
            DecreaseInterval = interval ?? WarmPoolPlanner.DecreaseInterval,
        });

        Assert.Equal(TimeSpan.FromSeconds(30), new PoolPlanInput { Snapshot = snapshot, Targets = new(), Limits = Fourteen, Now = default }.DecreaseInterval);
        Assert.True(Release(TimeSpan.FromSeconds(1)).IsEmpty);
        Assert.IsType<ReleaseCidrsAction>(Assert.Single(Release(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)).Actions));
        Assert.True(Release(TimeSpan.FromMilliseconds(999), TimeSpan.FromSeconds(1)).IsEmpty);
    }

    [Fact]
    public async Task TheMinimumEniLifetimeDefaultsToSixtySecondsAndCanBeShortened()
    {
        // WARM_ENI=1, 9 IPs per ENI: three empty ENIs 5 s old hold 27 available ≥ (1 + 1) × 9, so one may go once old enough.
        var snapshot = await Datastores.SnapshotAsync(false, [9, 9, 9], age: TimeSpan.FromSeconds(5));
        PoolPlan Tick(TimeSpan? lifetime = null) => WarmPoolPlanner.Plan(new PoolPlanInput
        {
            Snapshot = snapshot,
            Targets = new PoolTargets { WarmEniTarget = 1 },
            Limits = new PoolLimits { MaxEni = 3, MaxCidrsPerEni = 9 },
            Now = snapshot.TakenAt,
            MinimumEniLifetime = lifetime ?? EniDeletability.MinimumEniLifetime,
        });

        Assert.Equal(TimeSpan.FromSeconds(60), new DeletabilityTargets().MinimumEniLifetime);
        Assert.True(Tick().IsEmpty);
        Assert.Equal("eni-2", Assert.IsType<FreeEniAction>(Assert.Single(Tick(TimeSpan.FromSeconds(5)).Actions)).EniId);
        Assert.True(Tick(TimeSpan.FromSeconds(6)).IsEmpty);
    }
}
