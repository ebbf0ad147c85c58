using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;
using static VpcCni.Engine.Tests.Configuration.ConfigurationTestData;
using N = VpcCni.Engine.Configuration.VpcCniVariableNames;

namespace VpcCni.Engine.Tests.Configuration;

public class VpcCniSettingsBinderTests
{
    [Fact]
    public void SampleTableCoversEveryCataloguedVariableExceptTheDeprecatedOnes()
    {
        var expected = ConfigurationVariables.All.Where(v => !v.IsDeprecated).Select(v => v.Name).Order();
        Assert.Equal(expected, Samples.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(SampleNames), MemberType = typeof(ConfigurationTestData))]
    public void EveryVariableHasItsDefaultWhenNothingIsSet(string name)
    {
        var settings = VpcCniSettingsBinder.Bind(NoEnv).Settings;

        Assert.Equal(Samples[name].Default, Samples[name].Read(settings));
        Assert.Equal(ConfigurationSource.Default, settings.SourceOf(name));
    }

    [Theory]
    [MemberData(nameof(SampleNames), MemberType = typeof(ConfigurationTestData))]
    public void EveryVariableBindsFromItsEnvironmentName(string name)
    {
        var sample = Samples[name];
        var env = new Dictionary<string, string>(sample.Companions ?? new Dictionary<string, string>()) { [name] = sample.Raw };

        var settings = VpcCniSettingsBinder.Bind(Env(env)).Settings;

        Assert.Equal(sample.Expected, sample.Read(settings));
        Assert.Equal(ConfigurationSource.Environment, settings.SourceOf(name));
    }

    [Theory]
    [MemberData(nameof(SampleNames), MemberType = typeof(ConfigurationTestData))]
    public void EveryVariableBindsFromItsConfigMapKey(string name)
    {
        var sample = Samples[name];
        var data = (sample.Companions ?? new Dictionary<string, string>())
            .ToDictionary(p => ConfigurationVariable.ToConfigMapKey(p.Key), p => p.Value);
        data[ConfigurationVariables.Get(name).ConfigMapKey] = sample.Raw;

        var result = VpcCniSettingsBinder.Bind(NoEnv, data);

        Assert.Equal(sample.Expected, sample.Read(result.Settings));
        Assert.Equal(ConfigurationSource.ConfigMap, result.Settings.SourceOf(name));
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("warm-ip-target", N.WarmIpTarget)]
    [InlineData("aws-vpc-k8s-cni-externalsnat", N.ExternalSnat)]
    [InlineData("aws-vpc-k8s-cni-exclude-snat-cidrs", N.ExcludeSnatCidrs)]
    [InlineData("enable-pod-eni", N.EnablePodEni)]
    [InlineData("enable-ipv6", N.EnableIpv6)]
    [InlineData("max-eni", N.MaxEni)]
    [InlineData("ip-cooldown-period", N.IpCooldownPeriod)]
    [InlineData("enable-custom-networking", N.CustomNetworkConfig)]
    [InlineData("aws-vpc-k8s-cni-custom-network-cfg", N.CustomNetworkConfig)]
    [InlineData("eni-config-label-def", N.EniConfigLabelDef)]
    [InlineData("eni-config-annotation-def", N.EniConfigAnnotationDef)]
    public void ConfigMapKeysFollowTheKebabRuleAndTheGuideAliases(string key, string variable)
    {
        Assert.True(ConfigurationVariables.TryGetByConfigMapKey(key, out var found));
        Assert.Equal(variable, found.Name);
    }

    [Fact]
    public void EnvironmentOverridesConfigMapWhichOverridesDefaults()
    {
        var data = new Dictionary<string, string> { ["warm-ip-target"] = "5", ["minimum-ip-target"] = "20" };

        var settings = VpcCniSettingsBinder.Bind(Env((N.WarmIpTarget, "9")), data).Settings;

        Assert.Equal(9, settings.Ipam.WarmIpTarget);
        Assert.Equal(ConfigurationSource.Environment, settings.SourceOf(N.WarmIpTarget));
        Assert.Equal(20, settings.Ipam.MinimumIpTarget);
        Assert.Equal(ConfigurationSource.ConfigMap, settings.SourceOf(N.MinimumIpTarget));
        Assert.Equal(1, settings.Ipam.WarmEniTarget);
        Assert.Equal(ConfigurationSource.Default, settings.SourceOf(N.WarmEniTarget));
    }

    [Fact]
    public void AnEmptyValueCountsAsUnsetAndFallsThroughToTheNextSource()
    {
        var settings = VpcCniSettingsBinder.Bind(Env((N.WarmIpTarget, "")), new Dictionary<string, string> { ["warm-ip-target"] = "4" }).Settings;

        Assert.Equal(4, settings.Ipam.WarmIpTarget);
    }

    [Fact]
    public void EnvironmentNamesAreMatchedWithoutRegardToCase()
    {
        var settings = VpcCniSettingsBinder.Bind(Env(("ENABLE_IPV4", "false"), ("enable_ipv6", "true"), (N.EnablePrefixDelegation, "1"))).Settings;

        Assert.True(settings.Networking.EnableIpv6);
        Assert.False(settings.Networking.EnableIpv4);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("t", true)]
    [InlineData("T", true)]
    [InlineData("TRUE", true)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("0", false)]
    [InlineData("f", false)]
    [InlineData("F", false)]
    [InlineData("FALSE", false)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    public void BooleansAcceptEveryGoParseBoolSpelling(string text, bool expected)
    {
        var settings = VpcCniSettingsBinder.Bind(Env((N.ExternalSnat, text), (N.NodePortSupport, text))).Settings;

        Assert.Equal(expected, settings.Networking.ExternalSnat);
        Assert.Equal(expected, settings.Networking.NodePortSupport);
    }

    [Fact]
    public void ConfigMapChangesAreReboundOnEachCallWithoutTouchingTheEnvironmentValues()
    {
        var env = Env((N.EniMtu, "1500"));

        var before = VpcCniSettingsBinder.Bind(env, new Dictionary<string, string> { ["warm-ip-target"] = "2" }).Settings;
        var after = VpcCniSettingsBinder.Bind(env, new Dictionary<string, string> { ["warm-ip-target"] = "7" }).Settings;

        Assert.Equal((2, 1500), (before.Ipam.WarmIpTarget, before.Networking.EniMtu));
        Assert.Equal((7, 1500), (after.Ipam.WarmIpTarget, after.Networking.EniMtu));
    }

    [Fact]
    public void InvalidConfigurationThrowsOneExceptionWithTheStableIdAndCategory()
    {
        var ex = Assert.Throws<InvalidConfigurationException>(() => VpcCniSettingsBinder.Bind(Env((N.WarmIpTarget, "lots"))));

        Assert.Equal("Config.InvalidConfiguration", ex.ErrorId);
        Assert.Equal(VpcCniErrorCategory.InvalidConfiguration, ex.Category);
        Assert.IsAssignableFrom<VpcCniException>(ex);
        var error = Assert.Single(ex.Errors);
        Assert.Contains("WARM_IP_TARGET (environment): 'lots' is not accepted; expected an integer ≥ 0.", ex.Message, StringComparison.Ordinal);
        Assert.Equal("lots", error.RejectedValue);
    }

    [Fact]
    public void EvaluateReportsErrorsWithoutThrowingAndKeepsDefaultsForRejectedValues()
    {
        var result = VpcCniSettingsBinder.Evaluate(Env((N.WarmEniTarget, "-2"), (N.EniMtu, "big")));

        Assert.False(result.IsValid);
        Assert.Equal([N.WarmEniTarget, N.EniMtu], result.Errors.Select(e => e.Variable));
        Assert.Equal(9001, result.Settings.Networking.EniMtu);
    }

    [Fact]
    public void ConflictingValuesForAKeyAndItsAliasAreAnError()
    {
        var data = new Dictionary<string, string> { ["enable-custom-networking"] = "true", ["aws-vpc-k8s-cni-custom-network-cfg"] = "false" };

        var error = Assert.Single(VpcCniSettingsBinder.Evaluate(NoEnv, data).Errors);

        Assert.Equal(N.CustomNetworkConfig, error.Variable);
        Assert.Equal(ConfigurationSource.ConfigMap, error.Source);
    }
}
