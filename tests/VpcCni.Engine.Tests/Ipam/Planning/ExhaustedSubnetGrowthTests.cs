using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Planning;
using VpcCni.Engine.Tests.Ipam.Fakes;

namespace VpcCni.Engine.Tests.Ipam.Planning;

/// <summary>
/// Growth past ENIs whose subnet ran out of addresses (upstream pkg/ipamd/ipamd.go, tryAssignIPs moves
/// on to the next ENI with subnet discovery, then increaseDatastorePool creates an ENI).
/// </summary>
public sealed class ExhaustedSubnetGrowthTests
{
    private static readonly PoolLimits Limits = new() { MaxEni = 4, MaxCidrsPerEni = 14, MaxPods = 500 };

    [Fact]
    public async Task AnExhaustedEniIsPassedOverForTheNextOneWithRoom()
    {
        var snapshot = await Datastores.SnapshotAsync(false, [2, 2]);

        var plan = Plan(snapshot, [snapshot.Enis[0].Descriptor.Id]);

        Assert.Equal(snapshot.Enis[1].Descriptor.Id, Assert.IsType<AssignAddressesAction>(Assert.Single(plan.Actions)).EniId);
    }

    [Fact]
    public async Task WhenEveryEniWithRoomIsExhaustedANewEniIsCreated()
    {
        var snapshot = await Datastores.SnapshotAsync(false, [2, 2]);

        var plan = Plan(snapshot, [.. snapshot.Enis.Select(e => e.Descriptor.Id)]);

        Assert.Equal(1, Assert.IsType<CreateEniAction>(Assert.Single(plan.Actions)).AddressCount);
    }

    private static PoolPlan Plan(DatastoreSnapshot snapshot, string[] exhausted) => WarmPoolPlanner.Plan(new PoolPlanInput
    {
        Snapshot = snapshot,
        Targets = new PoolTargets { WarmIpTarget = 5 },
        Limits = Limits,
        Now = snapshot.TakenAt,
        ExhaustedEniIds = exhausted.ToHashSet(StringComparer.Ordinal),
    });
}
