using Amazon.Runtime;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Tests.Aws.Support;

namespace VpcCni.Engine.Tests.Aws;

public sealed class Ec2ClientFactoryTests
{
    [Fact]
    public void ClientUsesTheSdkStandardRetryModeWithTheConfiguredRetries()
    {
        var config = Ec2ClientFactory.CreateConfig(new Ec2ClientOptions { MaxErrorRetry = 4 }, "us-west-2");

        Assert.Equal(RequestRetryMode.Standard, config.RetryMode);
        Assert.Equal(4, config.MaxErrorRetry);
    }

    [Fact]
    public void DefaultRetriesMatchUpstreamsTenAttempts() =>
        Assert.Equal(9, Ec2ClientFactory.CreateConfig(new Ec2ClientOptions(), "us-west-2").MaxErrorRetry);

    [Theory]
    [InlineData(0, 10)]
    [InlineData(5, 10)]
    [InlineData(10, 10)]
    [InlineData(30, 30)]
    public void HttpTimeoutBelowTenSecondsCountsAsTen(int configured, int effective) =>
        Assert.Equal(TimeSpan.FromSeconds(effective), Ec2ClientFactory.CreateConfig(new Ec2ClientOptions { HttpTimeoutSeconds = configured }, "us-west-2").Timeout);

    [Fact]
    public void EndpointOverrideBecomesServiceUrlWithAnExplicitSigningRegion()
    {
        var config = Ec2ClientFactory.CreateConfig(new Ec2ClientOptions { Endpoint = "http://127.0.0.1:4566/" }, "eu-west-1");

        Assert.Equal(new Uri("http://127.0.0.1:4566/"), new Uri(config.ServiceURL));
        Assert.Equal("eu-west-1", config.AuthenticationRegion);
    }

    [Fact]
    public void WithoutOverrideTheRegionsEndpointIsUsed()
    {
        var config = Ec2ClientFactory.CreateConfig(new Ec2ClientOptions(), "eu-west-1");

        Assert.Equal("eu-west-1", config.RegionEndpoint.SystemName);
        Assert.Null(config.ServiceURL);
    }

    [Theory]
    [InlineData("127.0.0.1:4566")]
    [InlineData("ftp://127.0.0.1")]
    [InlineData("not a url")]
    public void MalformedEndpointIsAConfigurationError(string endpoint)
    {
        var error = Assert.Throws<VpcCniException>(() => Ec2ClientFactory.CreateConfig(new Ec2ClientOptions { Endpoint = endpoint }, "us-west-2"));

        Assert.Equal("Ec2.InvalidEndpoint", error.ErrorId);
        Assert.Equal(VpcCniErrorCategory.InvalidConfiguration, error.Category);
        Assert.Contains(endpoint, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRegionIsAConfigurationError() =>
        Assert.Equal("Ec2.RegionMissing", Assert.Throws<VpcCniException>(() => Ec2ClientFactory.CreateConfig(new Ec2ClientOptions(), " ")).ErrorId);

    [Fact]
    public async Task ConfiguredRegionWinsOverInstanceMetadata()
    {
        await using var aws = await SimulatedAws.StartAsync(s => s.Region = "us-west-2");

        Assert.Equal("ap-south-1", await Ec2ClientFactory.ResolveRegionAsync(new Ec2ClientOptions { Region = "ap-south-1" }, aws.Imds(), default));
        Assert.Empty(aws.Sim.RequestLog.Snapshot());
    }

    [Fact]
    public async Task RegionComesFromInstanceMetadataWhenNotConfigured()
    {
        await using var aws = await SimulatedAws.StartAsync();

        Assert.Equal("us-west-2", await Ec2ClientFactory.ResolveRegionAsync(new Ec2ClientOptions(), aws.Imds(), default));
    }
}
