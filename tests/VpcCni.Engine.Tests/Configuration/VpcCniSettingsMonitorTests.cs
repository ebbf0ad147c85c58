using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging.Abstractions;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;
using N = VpcCni.Engine.Configuration.VpcCniVariableNames;

namespace VpcCni.Engine.Tests.Configuration;

public sealed class VpcCniSettingsMonitorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vpccni-live-").FullName;

    private string EnvFile => Path.Combine(_dir, "vpc-cni.env");

    [Fact]
    public void ChangedWarmTargetInTheEnvFileIsObservedWithoutARestart()
    {
        using var monitor = Start("WARM_IP_TARGET=5\nMINIMUM_IP_TARGET=10\n", out var config);
        VpcCniSettings? published = null;
        using var subscription = monitor.OnChange((settings, _) => published = settings);

        Rewrite(config, "WARM_IP_TARGET=8\nMINIMUM_IP_TARGET=10\n");

        Assert.Equal(8, monitor.CurrentValue.Ipam.WarmIpTarget);
        Assert.Same(monitor.CurrentValue, published);
        Assert.Equal([N.WarmIpTarget], monitor.LastReload!.AppliedChanges);
        Assert.Empty(monitor.LastReload.RestartRequired);
    }

    [Fact]
    public void ChangedRestartOnlyVariableIsReportedAsNeedingARestartAndNotApplied()
    {
        using var monitor = Start("WARM_IP_TARGET=5\nAWS_VPC_K8S_CNI_VETHPREFIX=eni\n", out var config);

        Rewrite(config, "WARM_IP_TARGET=6\nAWS_VPC_K8S_CNI_VETHPREFIX=abc\n");

        Assert.Equal([N.VethPrefix], monitor.LastReload!.RestartRequired);
        Assert.Equal("eni", monitor.CurrentValue.Networking.VethPrefix);
        Assert.Equal(6, monitor.CurrentValue.Ipam.WarmIpTarget);
    }

    [Fact]
    public void InvalidNewValueKeepsTheLastGoodSettingsAndTheErrorNamesTheVariable()
    {
        using var monitor = Start("WARM_IP_TARGET=5\n", out var config);
        var before = monitor.CurrentValue;

        Rewrite(config, "WARM_IP_TARGET=-3\n");

        Assert.Same(before, monitor.CurrentValue);
        var rejection = monitor.LastReload!.Rejection!;
        Assert.Equal(ErrorIds.Config.InvalidConfiguration, rejection.ErrorId);
        Assert.Equal(N.WarmIpTarget, Assert.Single(rejection.Errors).Variable);
        Assert.Contains(N.WarmIpTarget, rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidConfigurationAtStartFails()
    {
        File.WriteAllText(EnvFile, "WARM_IP_TARGET=lots\n");
        var config = new ConfigurationBuilder().AddEnvFile(EnvFile).Build();

        var error = Assert.Throws<InvalidConfigurationException>(() => new VpcCniSettingsMonitor(config, null, NullLogger<VpcCniSettingsMonitor>.Instance));

        Assert.Equal(N.WarmIpTarget, Assert.Single(error.Errors).Variable);
    }

    [Fact]
    public void ConfigMapChangeAppliesLiveThroughAnExplicitReload()
    {
        var data = new Dictionary<string, string> { ["warm-prefix-target"] = "1" };
        var config = new ConfigurationBuilder().AddInMemoryCollection().Build();
        using var monitor = new VpcCniSettingsMonitor(config, () => data, NullLogger<VpcCniSettingsMonitor>.Instance);

        data = new Dictionary<string, string> { ["warm-prefix-target"] = "3" };
        monitor.Reload();

        Assert.Equal(3, monitor.CurrentValue.Ipam.WarmPrefixTarget);
    }

    [Fact]
    public void LiveRegistrationServesTheMonitorAsTheOptionsMonitorAndFollowsTheFile()
    {
        File.WriteAllText(EnvFile, "WARM_ENI_TARGET=1\n");
        var config = new ConfigurationBuilder().AddEnvFile(EnvFile).Build();
        using var services = new ServiceCollection().AddLogging().AddLiveVpcCniSettings(config).BuildServiceProvider();
        var options = services.GetRequiredService<IOptionsMonitor<VpcCniSettings>>();

        Rewrite(config, "WARM_ENI_TARGET=2\n");

        Assert.Same(services.GetRequiredService<VpcCniSettingsMonitor>(), options);
        Assert.Equal(2, options.CurrentValue.Ipam.WarmEniTarget);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private VpcCniSettingsMonitor Start(string content, out IConfigurationRoot config)
    {
        File.WriteAllText(EnvFile, content);
        config = new ConfigurationBuilder().AddEnvFile(EnvFile).Build();
        return new VpcCniSettingsMonitor(config, null, NullLogger<VpcCniSettingsMonitor>.Instance);
    }

    private void Rewrite(IConfigurationRoot config, string content)
    {
        File.WriteAllText(EnvFile, content);
        EnvFileConfigurationProvider.ReloadAll(config);
    }
}
