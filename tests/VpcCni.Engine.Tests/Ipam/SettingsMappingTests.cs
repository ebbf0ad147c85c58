using Microsoft.Extensions.Configuration;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Planning;
using VpcCni.Engine.Limits;

namespace VpcCni.Engine.Tests.Ipam;

/// <summary>Configuration as users write it reaches the datastore and the planner unchanged.</summary>
public class SettingsMappingTests
{
    private static VpcCniSettings Bind(IReadOnlyDictionary<string, string>? configMap = null, params (string Key, string Value)[] env)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(env.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value)))
            .Build();
        return VpcCniSettingsBinder.Bind(configuration, configMap).Settings;
    }

    [Fact]
    public void GuideWarmPoolConfigMapBecomesThePlannerTargets()
    {
        // The "Advanced warm pool configuration" block of the guide, as written.
        var settings = Bind(new Dictionary<string, string>
        {
            ["warm-ip-target"] = "10",
            ["minimum-ip-target"] = "20",
            ["warm-eni-target"] = "1",
            ["max-eni"] = "8",
            ["enable-ip-cooldown"] = "true",
            ["ip-cooldown-period"] = "30",
        });

        var targets = PoolTargets.From(settings);
        var limits = PoolLimits.ForInstanceType(InstanceTypeCatalog.Embedded.Get("c5.4xlarge"), 0, settings.Ipam.MaxEni, 110);

        Assert.Equal(10, targets.WarmIpTarget);
        Assert.Equal(20, targets.MinimumIpTarget);
        Assert.True(targets.IpTargetsDefined);
        Assert.Equal(8, limits.MaxEni);
        Assert.Equal(29, limits.MaxCidrsPerEni);
        Assert.Equal(TimeSpan.FromSeconds(30), IpamDatastoreSettings.From(settings).CooldownPeriod);
    }

    [Fact]
    public void EnvironmentPrefixDelegationReachesDatastoreAndTargets()
    {
        var settings = Bind(null, ("ENABLE_PREFIX_DELEGATION", "true"), ("WARM_PREFIX_TARGET", "2"), ("IP_COOLDOWN_PERIOD", "5"), ("ENABLE_POD_ENI", "true"), ("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG", "1"));

        var targets = PoolTargets.From(settings);
        var datastore = IpamDatastoreSettings.From(settings, networkCard: 1);

        Assert.True(targets.PrefixDelegation);
        Assert.Equal(2, targets.WarmPrefixTarget);
        Assert.True(targets.PodEniEnabled);
        Assert.True(targets.CustomNetworking);
        Assert.True(datastore.PrefixDelegation);
        Assert.Equal(1, datastore.NetworkCard);
        Assert.Equal(TimeSpan.FromSeconds(5), datastore.CooldownPeriod);
    }

    [Fact]
    public void DisabledCooldownFromTheGuideKeyMeansImmediateReuse()
    {
        var settings = Bind(new Dictionary<string, string> { ["enable-ip-cooldown"] = "false" });

        Assert.Equal(TimeSpan.Zero, IpamDatastoreSettings.From(settings).CooldownPeriod);
    }

    [Fact]
    public void DefaultNetworkNameIsUpstreamsConflistNameSoCheckpointKeysSurviveAMove()
    {
        Assert.Equal("aws-cni", IpamDatastoreSettings.From(Bind(null)).NetworkName);
        Assert.Equal("aws-cni", new IpamDatastoreSettings().NetworkName);
    }
}
