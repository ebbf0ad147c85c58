using System.Net.Http.Headers;
using Grpc.Health.V1;
using VpcCni.Engine.Rpc;
using VpcCni.Service.CommandLine;
using VpcCni.Service.Tests.Support;

namespace VpcCni.Service.Tests.CommandLine;

/// <summary><c>vpc-cni-node run --simulate</c> as a user runs it: no root paths, a serving socket, a simulator that answers.</summary>
public sealed class SimulateSessionTests
{
    private const string SocketLine = "IPAM socket: ";
    private const string ImdsLine = "Simulator IMDS endpoint (";

    [Fact]
    public async Task RunSimulateServesOnATemporarySocketHandsOutSimulatedAddressesAndItsImdsAnswersWithTheInstanceId()
    {
        await using var node = NodeProcess.Start(["run", "--config", "/nonexistent/vpc-cni.env", "--simulate"]);
        var socket = After(await node.WaitForLineAsync(SocketLine), SocketLine);
        var imds = await node.WaitForLineAsync(ImdsLine);
        var instanceId = imds[(imds.IndexOf('(', StringComparison.Ordinal) + 1)..imds.IndexOf(')', StringComparison.Ordinal)];
        var imdsEndpoint = new Uri(imds[(imds.IndexOf("): ", StringComparison.Ordinal) + 3)..]);

        Assert.StartsWith(Path.GetTempPath(), socket, StringComparison.Ordinal);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await HealthAsync(socket));
        Assert.StartsWith("i-", instanceId, StringComparison.Ordinal);
        Assert.Equal(instanceId, await ImdsGetAsync(imdsEndpoint, "latest/meta-data/instance-id"));
        Assert.Equal("us-west-2", await ImdsGetAsync(imdsEndpoint, "latest/meta-data/placement/region"));
        using (var channel = UnixSocketChannel.Create(socket))
        {
            // Node init and the pool loop fill the pool from the simulated EC2 within a tick or two; until
            // then the plugin's ADD gets upstream's "no address yet" answer, and the kubelet retries.
            var client = new CNIBackend.CNIBackendClient(channel);
            var add = await client.AddNetworkAsync(ServiceHarness.AddRequest("sim-1"));
            for (var attempt = 0; !add.Success && attempt < 100; attempt++)
            {
                await Task.Delay(200);
                add = await client.AddNetworkAsync(ServiceHarness.AddRequest("sim-1"));
            }

            Assert.True(add.Success);
            var address = Assert.Single(add.IPAllocationMetadata).IPv4Addr;
            Assert.True(System.Net.IPAddress.TryParse(address, out _), address);
            var again = await client.AddNetworkAsync(ServiceHarness.AddRequest("sim-1"));
            Assert.Equal(address, Assert.Single(again.IPAllocationMetadata).IPv4Addr);
        }

        await node.SignalAsync("TERM");
        Assert.Equal(0, await node.WaitForExitAsync());
        Assert.False(Directory.Exists(Path.GetDirectoryName(socket)));
    }

    [Fact]
    public async Task TheSimulatorsEc2EndpointAnswersTheQueryApi()
    {
        await using var node = NodeProcess.Start(["run", "--config", "/nonexistent/vpc-cni.env", "--simulate"]);
        var ec2 = new Uri(After(await node.WaitForLineAsync("Simulator EC2 endpoint: "), "Simulator EC2 endpoint: "));
        using var http = new HttpClient();

        using var reply = await http.PostAsync(ec2, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Action"] = "DescribeSubnets",
            ["Version"] = "2016-11-15",
        }));

        Assert.True(reply.IsSuccessStatusCode);
        Assert.Contains("10.0.0.0/19", await reply.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AScenarioFileSetsTheSimulatedWorldAndAnExplicitSocketPathWins()
    {
        using var directory = new TempDirectory();
        var scenario = Path.Combine(directory.Path, "scenario.json");
        await File.WriteAllTextAsync(scenario, """
            { "region": "eu-west-1", "vpc": { "cidrBlocks": ["10.1.0.0/16"] },
              "subnets": [ { "availabilityZone": "eu-west-1a", "cidrBlock": "10.1.0.0/20" } ],
              "instances": [ { "instanceType": "c5.xlarge", "availabilityZone": "eu-west-1a" } ] }
            """);
        var socket = ServiceHarness.SocketPathIn(directory);

        await using var node = NodeProcess.Start(["run", "--config", "/nonexistent/vpc-cni.env", $"--IpamSocket:Path={socket}", "--simulate", scenario]);
        Assert.Equal(socket, After(await node.WaitForLineAsync(SocketLine), SocketLine));
        var imds = await node.WaitForLineAsync(ImdsLine);

        var imdsEndpoint = new Uri(imds[(imds.IndexOf("): ", StringComparison.Ordinal) + 3)..]);
        Assert.Equal("eu-west-1", await ImdsGetAsync(imdsEndpoint, "latest/meta-data/placement/region"));
        Assert.Equal("c5.xlarge", await ImdsGetAsync(imdsEndpoint, "latest/meta-data/instance-type"));
    }

    [Fact]
    public async Task AnInvalidScenarioExitsWithExConfigNamingTheField()
    {
        using var directory = new TempDirectory();
        var scenario = Path.Combine(directory.Path, "scenario.json");
        await File.WriteAllTextAsync(scenario, """{ "subnets": [], "instances": [] }""");

        var (exitCode, _, stderr) = await NodeProcess.RunAsync("run", "--config", "/nonexistent/vpc-cni.env", "--simulate", scenario);

        Assert.Equal(NodeExitCodes.InvalidConfiguration, exitCode);
        Assert.Contains("subnets", stderr, StringComparison.Ordinal);
    }

    private static string After(string line, string prefix) => line[(line.IndexOf(prefix, StringComparison.Ordinal) + prefix.Length)..].Trim();

    private static async Task<HealthCheckResponse.Types.ServingStatus> HealthAsync(string socket)
    {
        using var channel = UnixSocketChannel.Create(socket);
        return (await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest())).Status;
    }

    /// <summary>IMDSv2: a session token from PUT /latest/api/token, then the GET with it.</summary>
    private static async Task<string> ImdsGetAsync(Uri endpoint, string path)
    {
        using var http = new HttpClient { BaseAddress = endpoint };
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Put, "latest/api/token");
        tokenRequest.Headers.Add("X-aws-ec2-metadata-token-ttl-seconds", "60");
        using var tokenReply = await http.SendAsync(tokenRequest);
        tokenReply.EnsureSuccessStatusCode();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-aws-ec2-metadata-token", await tokenReply.Content.ReadAsStringAsync());
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/plain"));
        using var reply = await http.SendAsync(request);
        reply.EnsureSuccessStatusCode();
        return await reply.Content.ReadAsStringAsync();
    }
}
