using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VpcCni.Service.Tests.Node.Support;

namespace VpcCni.Service.Tests.Configuration;

/// <summary><c>AWS_VPC_K8S_CNI_LOGLEVEL</c> in the environment file sets the service's log level, and a reload changes it live.</summary>
public sealed class LiveLogLevelTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task TheLogLevelFollowsTheEnvFileOnReloadAndFallsBackToTheHostsLevelWhenRemoved()
    {
        await using var host = await EnvFileHost.StartAsync("AWS_VPC_K8S_CNI_LOGLEVEL=ERROR\n");
        var logger = Probe(host);
        Assert.False(logger.IsEnabled(LogLevel.Warning));
        Assert.True(logger.IsEnabled(LogLevel.Error));

        await host.ReloadAsync("AWS_VPC_K8S_CNI_LOGLEVEL=DEBUG\n");
        await NodeHarness.EventuallyAsync(() => logger.IsEnabled(LogLevel.Debug), "DEBUG applies after the reload");

        await host.ReloadAsync("AWS_VPC_K8S_CNI_LOGLEVEL=warn\n");
        await NodeHarness.EventuallyAsync(() => !logger.IsEnabled(LogLevel.Information), "warn applies after the reload");
        Assert.True(logger.IsEnabled(LogLevel.Warning));

        await host.ReloadAsync("WARM_IP_TARGET=1\n");
        await NodeHarness.EventuallyAsync(() => logger.IsEnabled(LogLevel.Information), "the host's level applies once the variable is gone");
        Assert.False(logger.IsEnabled(LogLevel.Debug));
    }

    [Fact]
    public async Task WithoutTheVariableTheHostsLoggingConfigurationDecides()
    {
        await using var host = await EnvFileHost.StartAsync("WARM_IP_TARGET=1\n");
        var logger = Probe(host);

        Assert.True(logger.IsEnabled(LogLevel.Information));
        Assert.False(logger.IsEnabled(LogLevel.Debug));
    }

    [Fact]
    public async Task IpamdEnvSettingsShowsAReloadedWarmIpTarget()
    {
        await using var host = await EnvFileHost.StartAsync("WARM_IP_TARGET=1\n", new Dictionary<string, string?> { ["DISABLE_INTROSPECTION"] = "false" });
        Assert.Equal(1, await WarmIpTargetAsync(host));

        await host.ReloadAsync("WARM_IP_TARGET=7\n");

        Assert.Equal(7, await WarmIpTargetAsync(host));
    }

    /// <summary>A logger of a category no configuration names, so only the default level applies to it.</summary>
    private static ILogger Probe(EnvFileHost host) => host.App.Services.GetRequiredService<ILoggerFactory>().CreateLogger("VpcCni.Service.Tests.Probe");

    private static async Task<int> WarmIpTargetAsync(EnvFileHost host)
    {
        using var json = JsonDocument.Parse(await Http.GetStringAsync(host.Ports.Introspection("/v1/ipamd-env-settings")));
        return json.RootElement.GetProperty("WARM_IP_TARGET").GetInt32();
    }
}
