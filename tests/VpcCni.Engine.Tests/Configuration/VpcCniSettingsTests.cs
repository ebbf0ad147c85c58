using VpcCni.Engine.Configuration;
using static VpcCni.Engine.Tests.Configuration.ConfigurationTestData;
using N = VpcCni.Engine.Configuration.VpcCniVariableNames;

namespace VpcCni.Engine.Tests.Configuration;

public class VpcCniSettingsTests
{
    [Theory]
    [InlineData(N.DisableLeakedEniCleanup)]
    [InlineData(N.EnableImdsOnlyMode)]
    [InlineData(N.DisableNetworkResourceProvisioning)]
    public void LeakedEniCleanupIsForcedOffByEachOfItsTriggers(string trigger)
    {
        var s = VpcCniSettingsBinder.Bind(Env((trigger, "true"))).Settings;

        Assert.True(s.LeakedEniCleanupDisabled);
    }

    [Fact]
    public void LeakedEniCleanupIsForcedOffInIpv6Mode()
    {
        var s = VpcCniSettingsBinder.Bind(Env((N.EnableIpv4, "false"), (N.EnableIpv6, "true"), (N.EnablePrefixDelegation, "true"))).Settings;

        Assert.True(s.LeakedEniCleanupDisabled);
        Assert.False(s.Ipam.DisableLeakedEniCleanup);
    }

    [Fact]
    public void LeakedEniCleanupRunsByDefault()
    {
        Assert.False(new VpcCniSettings().LeakedEniCleanupDisabled);
    }

    [Fact]
    public void ImdsOnlyModeImpliesNoResourceProvisioning()
    {
        var s = VpcCniSettingsBinder.Bind(Env((N.EnableImdsOnlyMode, "true"))).Settings;

        Assert.True(s.NetworkResourceProvisioningDisabled);
        Assert.False(s.Ipam.DisableNetworkResourceProvisioning);
        Assert.False(new VpcCniSettings().NetworkResourceProvisioningDisabled);
    }

    [Fact]
    public void IpamdEnvSettingsViewHasTheUpstreamKeysAndValuesPlusTheOtherPoolTargets()
    {
        var s = VpcCniSettingsBinder.Bind(Env((N.WarmIpTarget, "3"), (N.CustomNetworkConfig, "true"), (N.EnableSubnetDiscovery, "false"), (N.MinimumIpTarget, "7"), (N.IpCooldownPeriod, "45"))).Settings;

        var view = s.GetIpamdEnvSettings();

        Assert.Equal(
            ["AWS_MANAGE_ENIS_NON_SCHEDULABLE", "AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG", "ENABLE_SUBNET_DISCOVERY", "IP_COOLDOWN_PERIOD", "MINIMUM_IP_TARGET", "WARM_ENI_TARGET", "WARM_IP_TARGET", "WARM_PREFIX_TARGET"],
            view.Keys);
        Assert.Equal((7, 1, 45), (view[N.MinimumIpTarget], view[N.WarmPrefixTarget], view[N.IpCooldownPeriod]));
        Assert.Equal(3, view[N.WarmIpTarget]);
        Assert.Equal(1, view[N.WarmEniTarget]);
        Assert.Equal(true, view[N.CustomNetworkConfig]);
        Assert.Equal(false, view[N.ManageEnisNonSchedulable]);
        Assert.Equal(false, view[N.EnableSubnetDiscovery]);
    }

    [Theory]
    [InlineData("none", 0)]
    [InlineData("hashrandom", 1)]
    [InlineData("prng", 2)]
    public void NetworkUtilsEnvSettingsViewReportsRandomizeSnatAsTheEnumNumber(string mode, int expected)
    {
        var view = VpcCniSettingsBinder.Bind(Env((N.RandomizeSnat, mode))).Settings.GetNetworkUtilsEnvSettings();

        Assert.Equal(expected, view[N.RandomizeSnat]);
    }

    [Fact]
    public void NetworkUtilsEnvSettingsViewHasTheUpstreamKeysAndValues()
    {
        var env = Env((N.ExcludeSnatCidrs, "10.1.0.0/16"), (N.ExternalServiceCidrs, "100.64.0.0/10"), (N.EniMtu, "1500"), (N.Connmark, "0x4000"));

        var view = VpcCniSettingsBinder.Bind(env).Settings.GetNetworkUtilsEnvSettings();

        Assert.Equal(
            [N.ExternalServiceCidrs, N.NodePortSupport, N.EniMtu, N.Connmark, N.ExcludeSnatCidrs, N.ExternalSnat, N.RandomizeSnat, N.VethPrefix],
            view.Keys);
        Assert.Equal(0x4000u, view[N.Connmark]);
        Assert.Equal(new[] { "10.1.0.0/16" }, view[N.ExcludeSnatCidrs]);
        Assert.Equal(new[] { "100.64.0.0/10" }, view[N.ExternalServiceCidrs]);
        Assert.Equal(1500, view[N.EniMtu]);
        Assert.Equal("eni", view[N.VethPrefix]);
        Assert.Equal(true, view[N.NodePortSupport]);
        Assert.Equal(false, view[N.ExternalSnat]);
    }

    [Fact]
    public void CidrsWithHostBitsAreNormalisedToTheirNetworkLikeGo()
    {
        var s = VpcCniSettingsBinder.Bind(Env((N.ExcludeSnatCidrs, "10.1.2.3/16,,"))).Settings;

        Assert.Equal("10.1.0.0/16", Assert.Single(s.Networking.ExcludeSnatCidrs).ToString());
    }

    [Fact]
    public void PodMtuFollowsTheEniMtuUnlessSet()
    {
        Assert.Equal(1500, VpcCniSettingsBinder.Bind(Env((N.EniMtu, "1500"))).Settings.Networking.EffectivePodMtu);
        Assert.Equal(1400, VpcCniSettingsBinder.Bind(Env((N.EniMtu, "1500"), (N.PodMtu, "1400"))).Settings.Networking.EffectivePodMtu);
    }
}
