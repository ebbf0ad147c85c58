using VpcCni.Engine.Configuration;
using static VpcCni.Engine.Tests.Configuration.ConfigurationTestData;
using N = VpcCni.Engine.Configuration.VpcCniVariableNames;

namespace VpcCni.Engine.Tests.Configuration;

/// <summary>The ConfigMap side of <see cref="VpcCniSettingsBinder"/>: the guide's blocks, notices and the cooldown switch.</summary>
public class VpcCniSettingsBinderConfigMapTests
{
    // The data maps of the amazon-vpc-cni ConfigMaps that the VPC CNI advanced-configuration guide has
    // users apply (custom networking, prefix delegation, SNAT, warm targets), as written there.
    private static readonly Dictionary<string, string> CustomNetworkingBlock = new()
    {
        ["enable-custom-networking"] = "true",
        ["eni-config-label-def"] = "failure-domain.beta.kubernetes.io/zone",
    };

    private static readonly Dictionary<string, string> PrefixDelegationBlock = new()
    {
        ["enable-prefix-delegation"] = "true",
        ["warm-prefix-target"] = "1",
        ["warm-ip-target"] = "5",
    };

    private static readonly Dictionary<string, string> PodEniBlock = new() { ["enable-pod-eni"] = "true" };

    private static readonly Dictionary<string, string> WarmPoolBlock = new()
    {
        ["warm-ip-target"] = "10",
        ["minimum-ip-target"] = "20",
        ["warm-eni-target"] = "1",
        ["max-eni"] = "8",
        ["enable-ip-cooldown"] = "true",
        ["ip-cooldown-period"] = "30",
    };

    private static readonly Dictionary<string, string> SnatBlock = new()
    {
        ["aws-vpc-k8s-cni-externalsnat"] = "true",
        ["aws-vpc-k8s-cni-exclude-snat-cidrs"] = "10.0.0.0/8,172.16.0.0/12",
    };

    private static readonly Dictionary<string, string> HighAvailabilityBlock = new()
    {
        ["enable-prefix-delegation"] = "true",
        ["warm-prefix-target"] = "1",
        ["warm-ip-target"] = "10",
        ["minimum-ip-target"] = "20",
        ["enable-ipv6"] = "false",
        ["enable-pod-eni"] = "true",
        ["enable-network-policy-controller"] = "true",
        ["max-eni"] = "8",
        ["enable-ip-cooldown"] = "true",
        ["ip-cooldown-period"] = "30",
    };

    public static TheoryData<string> GuideBlocks => new("custom-networking", "prefix-delegation", "pod-eni", "warm-pool", "snat", "high-availability");

    private static Dictionary<string, string> Block(string name) => name switch
    {
        "custom-networking" => CustomNetworkingBlock,
        "prefix-delegation" => PrefixDelegationBlock,
        "pod-eni" => PodEniBlock,
        "warm-pool" => WarmPoolBlock,
        "snat" => SnatBlock,
        _ => HighAvailabilityBlock,
    };

    [Theory]
    [MemberData(nameof(GuideBlocks))]
    public void EveryGuideConfigMapBlockBindsWithoutErrorsOrWarnings(string block)
    {
        var result = VpcCniSettingsBinder.Evaluate(NoEnv, Block(block));

        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void GuideCustomNetworkingBlockTurnsOnCustomNetworkingWithTheZoneLabel()
    {
        var s = VpcCniSettingsBinder.Bind(NoEnv, CustomNetworkingBlock).Settings;

        Assert.True(s.CustomNetworking.CustomNetworkConfig);
        Assert.Equal("failure-domain.beta.kubernetes.io/zone", s.CustomNetworking.EniConfigLabelDef);
    }

    [Fact]
    public void GuideHighAvailabilityBlockBindsEveryValueAndFlagsTheControllerKeyAsNotUsed()
    {
        var result = VpcCniSettingsBinder.Bind(NoEnv, HighAvailabilityBlock);
        var s = result.Settings;

        Assert.True(s.Ipam.EnablePrefixDelegation);
        Assert.Equal((1, 10, 20, 8), (s.Ipam.WarmPrefixTarget, s.Ipam.WarmIpTarget, s.Ipam.MinimumIpTarget, s.Ipam.MaxEni));
        Assert.False(s.Networking.EnableIpv6);
        Assert.True(s.CustomNetworking.EnablePodEni);
        Assert.Equal(TimeSpan.FromSeconds(30), s.Ipam.IpCooldownPeriod);
        var notice = Assert.Single(result.Notices, n => n.Kind == ConfigurationNoticeKind.NotUsedByNode);
        Assert.Equal("enable-network-policy-controller", notice.Key);
        Assert.False(notice.IsWarning);
    }

    [Fact]
    public void GuideSnatBlockReportsThatExcludedCidrsDoNothingUnderExternalSnat()
    {
        var result = VpcCniSettingsBinder.Bind(NoEnv, SnatBlock);

        Assert.True(result.Settings.Networking.ExternalSnat);
        Assert.Equal(2, result.Settings.Networking.ExcludeSnatCidrs.Count);
        Assert.Contains(result.Notices, n => n.Kind == ConfigurationNoticeKind.Ineffective && n.Key == "aws-vpc-k8s-cni-exclude-snat-cidrs");
    }

    [Theory]
    [InlineData("enable-network-policy-controller")]
    [InlineData("enable-windows-ipam")]
    [InlineData("enable-windows-prefix-delegation")]
    public void KeysOwnedByOtherComponentsAreAcceptedAsNotUsedByTheNode(string key)
    {
        var result = VpcCniSettingsBinder.Bind(NoEnv, new Dictionary<string, string> { [key] = "true" });

        var notice = Assert.Single(result.Notices);
        Assert.Equal(ConfigurationNoticeKind.NotUsedByNode, notice.Kind);
        Assert.Contains("not used by the node", notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownConfigMapKeysAreWarningsNotErrorsAndSuggestTheKebabSpelling()
    {
        var result = VpcCniSettingsBinder.Evaluate(NoEnv, new Dictionary<string, string> { ["WARM_IP_TARGET"] = "3", ["warm-ip-targett"] = "3" });

        Assert.True(result.IsValid);
        Assert.Equal(0, result.Settings.Ipam.WarmIpTarget);
        Assert.Equal(2, result.Warnings.Count);
        Assert.Contains(result.Warnings, w => w.Message.Contains("did you mean 'warm-ip-target'?", StringComparison.Ordinal));
    }

    [Fact]
    public void MisspelledVpcCniEnvironmentVariablesAreWarnings()
    {
        var result = VpcCniSettingsBinder.Evaluate(Env(("AWS_VPC_K8S_CNI_EXTERNAL_SNAT", "true"), ("PATH", "/usr/bin")));

        var warning = Assert.Single(result.Warnings);
        Assert.Equal("AWS_VPC_K8S_CNI_EXTERNAL_SNAT", warning.Key);
        Assert.Equal(ConfigurationSource.Environment, warning.Source);
    }

    [Fact]
    public void EnableIpCooldownFalseMeansACooldownOfZero()
    {
        var result = VpcCniSettingsBinder.Bind(NoEnv, new Dictionary<string, string> { ["enable-ip-cooldown"] = "false", ["ip-cooldown-period"] = "30" });

        Assert.Equal(TimeSpan.Zero, result.Settings.Ipam.IpCooldownPeriod);
        Assert.Contains(result.Notices, n => n.Kind == ConfigurationNoticeKind.Ineffective && n.Key == "ip-cooldown-period");
    }

    [Fact]
    public void EnableIpCooldownTrueKeepsTheConfiguredOrDefaultPeriod()
    {
        var withPeriod = VpcCniSettingsBinder.Bind(NoEnv, new Dictionary<string, string> { ["enable-ip-cooldown"] = "true", ["ip-cooldown-period"] = "12" });
        var withDefault = VpcCniSettingsBinder.Bind(NoEnv, new Dictionary<string, string> { ["enable-ip-cooldown"] = "True" });

        Assert.Equal(TimeSpan.FromSeconds(12), withPeriod.Settings.Ipam.IpCooldownPeriod);
        Assert.Equal(TimeSpan.FromSeconds(30), withDefault.Settings.Ipam.IpCooldownPeriod);
    }

    [Fact]
    public void NodeIpCooldownPeriodWinsOverTheConfigMapSwitch()
    {
        var result = VpcCniSettingsBinder.Bind(Env((N.IpCooldownPeriod, "20")), new Dictionary<string, string> { ["enable-ip-cooldown"] = "false" });

        Assert.Equal(TimeSpan.FromSeconds(20), result.Settings.Ipam.IpCooldownPeriod);
        Assert.Contains(result.Notices, n => n.Key == "enable-ip-cooldown" && n.Kind == ConfigurationNoticeKind.Ineffective);
    }

    [Fact]
    public void EnableIpCooldownMustBeAGoBoolean()
    {
        var error = Assert.Single(VpcCniSettingsBinder.Evaluate(NoEnv, new Dictionary<string, string> { ["enable-ip-cooldown"] = "yes" }).Errors);

        Assert.Equal("enable-ip-cooldown", error.ConfigMapKey);
        Assert.Contains("TRUE", error.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(N.ConfigureRpFilter)]
    [InlineData(N.EnableNftables)]
    public void DeprecatedVariablesAreValidatedThenReportedAsDeprecated(string name)
    {
        var accepted = VpcCniSettingsBinder.Evaluate(Env((name, "true")));
        var rejected = VpcCniSettingsBinder.Evaluate(Env((name, "enabled")));

        Assert.True(accepted.IsValid);
        Assert.Contains(accepted.Notices, n => n.Kind == ConfigurationNoticeKind.Deprecated && n.Key == name);
        Assert.Equal(name, Assert.Single(rejected.Errors).Variable);
    }

    [Fact]
    public void WarmEniTargetSetAlongsideIpTargetsIsReportedAsIneffective()
    {
        var result = VpcCniSettingsBinder.Bind(NoEnv, WarmPoolBlock);

        Assert.Contains(result.Notices, n => n.Key == "warm-eni-target" && n.Kind == ConfigurationNoticeKind.Ineffective);
        Assert.Equal(0, result.Settings.Ipam.EffectiveWarmEniTarget);
    }
}
