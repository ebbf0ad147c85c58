using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Planning;
using VpcCni.Engine.Tests.Ipam.Fakes;

namespace VpcCni.Engine.Tests.Ipam.Planning;

/// <summary>Upstream `pkg/ipamd/ipamd_test.go` TestGetWarmIPTargetState and TestGetWarmIPTargetStateWithPDenabled.</summary>
public class TargetStateTests
{
    [Theory]
    [InlineData(0, 5, 0)]
    [InlineData(2, 3, 0)]
    [InlineData(5, 0, 0)]
    public async Task SecondaryIpShortageFollowsWarmIpTargetFive(int ipsInPool, int shortage, int surplus)
    {
        var snapshot = await Datastores.SnapshotAsync(false, ipsInPool == 0 ? [] : [ipsInPool]);

        var state = TargetState.Compute(snapshot.Stats, new PoolTargets { WarmIpTarget = 5 }, false);

        Assert.Equal((true, false, shortage, surplus), (state.TargetsDefined, state.InPrefixes, state.Shortage, state.Surplus));
    }

    [Theory]
    [InlineData(0, 1, 0)]   // empty: short one prefix
    [InlineData(2, 0, 1)]   // two unused prefixes: one is surplus
    [InlineData(1, 0, 0)]   // after deleting one prefix
    public async Task PrefixShortageFollowsWarmIpTargetFive(int prefixes, int shortage, int surplus)
    {
        var snapshot = await Datastores.SnapshotAsync(true, prefixes == 0 ? [] : [prefixes]);

        var state = TargetState.Compute(snapshot.Stats, new PoolTargets { WarmIpTarget = 5, PrefixDelegation = true }, true);

        Assert.Equal((true, shortage, surplus), (state.InPrefixes, state.Shortage, state.Surplus));
    }

    [Theory]
    [InlineData(0, 0, 10, 10, 0)]    // MINIMUM_IP is the larger need
    [InlineData(12, 7, 5, 0, 0)]     // 5 free: exactly warm
    [InlineData(20, 2, 5, 0, 10)]    // 18 free, but only 10 above the minimum
    public void SecondaryIpFormulaTakesTheLargerShortageAndTheSmallerSurplus(int total, int assigned, int warm, int shortage, int surplus)
    {
        var stats = new IpamStats { TotalIps = total, AssignedIps = assigned };

        var state = TargetState.Compute(stats, new PoolTargets { WarmIpTarget = warm, MinimumIpTarget = 10 }, false);

        Assert.Equal((shortage, surplus), (state.Shortage, state.Surplus));
    }

    [Fact]
    public void PrefixSurplusKeepsRoomForAssignedCoolingAndWarmAddresses()
    {
        // 2 prefixes, 12 pods, WARM_IP=5: needWarm = ceil(17 / 16) = 2, so the free prefix stays.
        var stats = new IpamStats { TotalIps = 32, AssignedIps = 12, TotalPrefixes = 2, FreePrefixes = 1 };
        Assert.Equal(0, TargetState.Compute(stats, new PoolTargets { WarmIpTarget = 5, PrefixDelegation = true }, true).Surplus);

        // 1 pod and 14 cooling on the first prefix: the second one is not surplus, as cooling addresses are not available.
        var cooling = new IpamStats { TotalIps = 32, AssignedIps = 1, CooldownIps = 14, TotalPrefixes = 2, FreePrefixes = 1 };
        Assert.Equal(0, TargetState.Compute(cooling, new PoolTargets { WarmIpTarget = 5, PrefixDelegation = true }, true).Surplus);
    }

    [Fact]
    public void CoolingAddressesLeaveThePoolShort()
    {
        // Upstream: available = 2 − 1 = 1, not short. Ours: the cooling address is unavailable.
        var stats = new IpamStats { TotalIps = 2, AssignedIps = 1, CooldownIps = 1 };

        Assert.Equal(1, TargetState.Compute(stats, new PoolTargets { WarmIpTarget = 1 }, false).Shortage);
    }

    [Fact]
    public void WithoutIpTargetsNothingIsShortOrOver()
    {
        var state = TargetState.Compute(new IpamStats(), new PoolTargets { WarmEniTarget = 1 }, false);

        Assert.Equal((false, 0, 0), (state.TargetsDefined, state.Shortage, state.Surplus));
    }
}
