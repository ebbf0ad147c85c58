using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Configuration;
using static VpcCni.Engine.Tests.Configuration.ConfigurationTestData;
using N = VpcCni.Engine.Configuration.VpcCniVariableNames;

namespace VpcCni.Engine.Tests.Configuration;

public class VpcCniSettingsValidatorTests
{
    [Fact]
    public void DefaultSettingsAreValid()
    {
        Assert.True(new VpcCniSettingsValidator().Validate(null, new VpcCniSettings()).Succeeded);
    }

    [Fact]
    public void HandMadeSettingsGetTheSameRangeMessagesAsBoundOnes()
    {
        var settings = new VpcCniSettings();
        settings.Ipam.WarmIpTarget = -1;
        settings.Networking.VethPrefix = "eth";

        var result = new VpcCniSettingsValidator().Validate(null, settings);

        Assert.True(result.Failed);
        Assert.Equal(
            ["WARM_IP_TARGET (default): '-1' is not accepted; expected an integer ≥ 0.",
             $"AWS_VPC_K8S_CNI_VETHPREFIX (default): 'eth' is not accepted; expected {ConfigurationVariables.Get(N.VethPrefix).Expected}."],
            result.Failures!);
    }

    [Fact]
    public void OptionsRegistrationBindsEnvironmentAndConfigMap()
    {
        var services = new ServiceCollection();
        services.AddVpcCniSettings(Env((N.WarmIpTarget, "4")), _ => new Dictionary<string, string> { ["max-eni"] = "3" }).ValidateOnStart();

        using var provider = services.BuildServiceProvider();
        var settings = provider.GetRequiredService<IOptions<VpcCniSettings>>().Value;

        Assert.Equal(4, settings.Ipam.WarmIpTarget);
        Assert.Equal(3, settings.Ipam.MaxEni);
        Assert.Equal(ConfigurationSource.ConfigMap, settings.SourceOf(N.MaxEni));
    }

    [Fact]
    public void OptionsRegistrationReportsParseAndRuleErrorsThroughOptionsValidation()
    {
        var services = new ServiceCollection();
        services.AddVpcCniSettings(Env((N.WarmIpTarget, "many"), (N.EnableIpv6, "true"), (N.EnablePrefixDelegation, "true"))).ValidateOnStart();

        using var provider = services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<VpcCniSettings>>().Value);

        var bound = VpcCniSettingsBinder.Evaluate(Env((N.WarmIpTarget, "many"), (N.EnableIpv6, "true"), (N.EnablePrefixDelegation, "true")));
        Assert.Equal(bound.Errors.Select(e => e.Message).Order(), ex.Failures.Order());
        Assert.Equal(2, ex.Failures.Count());
    }
}
