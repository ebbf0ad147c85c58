using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using VpcCni.Engine.Aws;
using VpcCni.Simulator.Scenarios;
using VpcCni.Simulator.Tests.Support;

namespace VpcCni.Simulator.Tests;

/// <summary>The optional <c>authentication</c> setting: SigV4 checked against configured credentials.</summary>
public sealed class SigV4VerifierTests
{
    private const string KeyId = "AKIDSIMULATOR0001";
    private const string Secret = "sim/secret+key/0001";

    private static void Authenticated(Scenario s) =>
        s.Authentication = new ScenarioAuthentication { Credentials = [new ScenarioCredential { AccessKeyId = KeyId, SecretAccessKey = Secret }] };

    private static IAmazonEC2 Client(SimHarness sim, string keyId, string secret) => Ec2ClientFactory.CreateClient(
        new Ec2ClientOptions { Endpoint = sim.Server.Ec2Endpoint.ToString(), MaxErrorRetry = 0 },
        "us-west-2",
        new BasicAWSCredentials(keyId, secret));

    [Fact]
    public async Task TheRightCredentialsPassAndAWrongSecretOrUnknownKeyIsRefused()
    {
        await using var sim = await SimHarness.StartAsync(Authenticated);
        using var right = Client(sim, KeyId, Secret);
        Assert.Equal(3, (await right.DescribeSubnetsAsync(new DescribeSubnetsRequest())).Subnets.Count);
        var created = await right.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = sim.SubnetA, Description = "signed body" });
        Assert.StartsWith("eni-", created.NetworkInterface.NetworkInterfaceId, StringComparison.Ordinal);

        using var wrongSecret = Client(sim, KeyId, "not-the-secret");
        await Expect.Ec2ErrorAsync("SignatureDoesNotMatch", 403, () => wrongSecret.DescribeSubnetsAsync(new DescribeSubnetsRequest()));
        using var unknownKey = Client(sim, "AKIDUNKNOWN", Secret);
        await Expect.Ec2ErrorAsync("AuthFailure", 401, () => unknownKey.DescribeSubnetsAsync(new DescribeSubnetsRequest()));
    }

    [Fact]
    public async Task ASignatureDatedMoreThanFiveMinutesFromTheSimulatorClockIsExpired()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(4));
        await using var sim = await SimHarness.StartAsync(Authenticated, time);
        using var client = Client(sim, KeyId, Secret);
        Assert.Equal(3, (await client.DescribeSubnetsAsync(new DescribeSubnetsRequest())).Subnets.Count);

        time.Advance(TimeSpan.FromMinutes(6));
        await Expect.Ec2ErrorAsync("RequestExpired", 400, () => client.DescribeSubnetsAsync(new DescribeSubnetsRequest()));
    }

    [Fact]
    public async Task UnderAuthenticationAnUnsignedRequestIsRefusedAndVersionIsRequired()
    {
        await using var sim = await SimHarness.StartAsync(Authenticated);
        using var http = new HttpClient();
        var noVersion = await http.PostAsync(sim.Server.Ec2Endpoint, new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "DescribeSubnets" }));
        Assert.Equal(HttpStatusCode.BadRequest, noVersion.StatusCode);
        Assert.Contains("<Code>MissingParameter</Code>", await noVersion.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unsigned = await http.PostAsync(sim.Server.Ec2Endpoint, new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "DescribeSubnets", ["Version"] = "2016-11-15" }));
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Contains("<Code>MissingAuthenticationToken</Code>", await unsigned.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDefaultScenarioStaysOpenForDemos()
    {
        await using var sim = await SimHarness.StartAsync();
        using var http = new HttpClient();
        var unsigned = await http.PostAsync(sim.Server.Ec2Endpoint, new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "DescribeSubnets" }));
        Assert.Equal(HttpStatusCode.OK, unsigned.StatusCode);
    }
}
