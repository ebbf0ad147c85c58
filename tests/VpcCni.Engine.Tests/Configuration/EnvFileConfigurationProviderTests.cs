using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using VpcCni.Engine.Configuration;

namespace VpcCni.Engine.Tests.Configuration;

public sealed class EnvFileConfigurationProviderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vpccni-env-").FullName;

    private string EnvFile => Path.Combine(_dir, "vpc-cni.env");

    [Fact]
    public void ReadsKeyValueLinesAsSystemdDoesSkippingCommentsBlankAndMalformedLines()
    {
        File.WriteAllText(EnvFile, """
            # warm pool
            ; also a comment
            WARM_IP_TARGET=5

            MINIMUM_IP_TARGET = 10
            AWS_VPC_K8S_CNI_VETHPREFIX="eni"
            CLUSTER_NAME='my cluster'
            NOT A SETTING
            """);

        var config = new ConfigurationBuilder().AddEnvFile(EnvFile).Build();

        Assert.Equal("5", config["WARM_IP_TARGET"]);
        Assert.Equal("10", config["MINIMUM_IP_TARGET"]);
        Assert.Equal("eni", config["AWS_VPC_K8S_CNI_VETHPREFIX"]);
        Assert.Equal("my cluster", config["CLUSTER_NAME"]);
        Assert.Null(config["NOT A SETTING"]);
    }

    [Fact]
    public void MissingOptionalFileYieldsNoValues()
    {
        var config = new ConfigurationBuilder().AddEnvFile(EnvFile, optional: true).Build();

        Assert.Empty(config.AsEnumerable());
    }

    [Fact]
    public void ReloadPicksUpTheNewContentAndSignalsTheChangeToken()
    {
        File.WriteAllText(EnvFile, "WARM_IP_TARGET=5\n");
        var config = new ConfigurationBuilder().AddEnvFile(EnvFile).Build();
        var signalled = false;
        config.GetReloadToken().RegisterChangeCallback(_ => signalled = true, null);

        File.WriteAllText(EnvFile, "WARM_IP_TARGET=7\n");
        EnvFileConfigurationProvider.ReloadAll(config);

        Assert.True(signalled);
        Assert.Equal("7", config["WARM_IP_TARGET"]);
    }

    [Fact]
    public void PollingNoticesAChangedFileWithoutAnExplicitReload()
    {
        File.WriteAllText(EnvFile, "WARM_IP_TARGET=5\n");
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var config = new ConfigurationBuilder().AddEnvFile(EnvFile, optional: false, pollInterval: TimeSpan.FromSeconds(5), time).Build();

        File.WriteAllText(EnvFile, "WARM_IP_TARGET=9\nMINIMUM_IP_TARGET=3\n");
        File.SetLastWriteTimeUtc(EnvFile, DateTime.UtcNow.AddSeconds(10));
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal("9", config["WARM_IP_TARGET"]);
        Assert.Equal("3", config["MINIMUM_IP_TARGET"]);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
