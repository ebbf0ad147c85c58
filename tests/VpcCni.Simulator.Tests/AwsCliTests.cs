using System.Diagnostics;
using System.Text.Json;
using VpcCni.Simulator.Scenarios;
using VpcCni.Simulator.Tests.Support;

namespace VpcCni.Simulator.Tests;

/// <summary>The unmodified AWS CLI v2 (/usr/bin/aws) against the simulator's EC2 endpoint.</summary>
public sealed class AwsCliTests
{
    private const string Cli = "/usr/bin/aws";

    [Fact]
    public async Task AwsCliCreatesAttachesAssignsAndDescribes()
    {
        Assert.True(File.Exists(Cli), "AWS CLI v2 must be installed at /usr/bin/aws");
        await using var sim = await SimHarness.StartAsync();
        var endpoint = sim.Server.Ec2Endpoint.ToString().TrimEnd('/');
        using var created = await RunAsync(endpoint, "create-network-interface", "--subnet-id", sim.SubnetA, "--description", "from-cli", "--secondary-private-ip-address-count", "2");
        var eniId = created.RootElement.GetProperty("NetworkInterface").GetProperty("NetworkInterfaceId").GetString()!;
        using var attached = await RunAsync(endpoint, "attach-network-interface", "--network-interface-id", eniId, "--instance-id", sim.InstanceId, "--device-index", "1");
        Assert.StartsWith("eni-attach-", attached.RootElement.GetProperty("AttachmentId").GetString(), StringComparison.Ordinal);
        using var assigned = await RunAsync(endpoint, "assign-private-ip-addresses", "--network-interface-id", eniId, "--secondary-private-ip-address-count", "3");
        Assert.Equal(3, assigned.RootElement.GetProperty("AssignedPrivateIpAddresses").GetArrayLength());
        using var described = await RunAsync(endpoint, "describe-network-interfaces", "--network-interface-ids", eniId);
        var eni = described.RootElement.GetProperty("NetworkInterfaces")[0];
        Assert.Equal("from-cli", eni.GetProperty("Description").GetString());
        Assert.Equal("in-use", eni.GetProperty("Status").GetString());
        Assert.Equal(6, eni.GetProperty("PrivateIpAddresses").GetArrayLength());
        Assert.Equal(1, eni.GetProperty("Attachment").GetProperty("DeviceIndex").GetInt32());
    }

    [Fact]
    public async Task AwsCliReportsTheEc2ErrorCode()
    {
        await using var sim = await SimHarness.StartAsync();
        var (code, _, stderr) = await ExecAsync(sim.Server.Ec2Endpoint.ToString().TrimEnd('/'), "test", "describe-network-interfaces", "--network-interface-ids", "eni-0000000000000dead");
        Assert.NotEqual(0, code);
        Assert.Contains("InvalidNetworkInterfaceID.NotFound", stderr, StringComparison.Ordinal);
        Assert.Contains("'eni-0000000000000dead'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwsCliSignsRequestsTheSimulatorVerifies()
    {
        await using var sim = await SimHarness.StartAsync(s => s.Authentication = new ScenarioAuthentication
        {
            Credentials = [new ScenarioCredential { AccessKeyId = "test", SecretAccessKey = "test" }],
        });
        var endpoint = sim.Server.Ec2Endpoint.ToString().TrimEnd('/');
        using var described = await RunAsync(endpoint, "describe-subnets");
        Assert.Equal(3, described.RootElement.GetProperty("Subnets").GetArrayLength());
        var (code, _, stderr) = await ExecAsync(endpoint, "wrong-secret", "describe-subnets");
        Assert.NotEqual(0, code);
        Assert.Contains("SignatureDoesNotMatch", stderr, StringComparison.Ordinal);
    }

    private static async Task<JsonDocument> RunAsync(string endpoint, params string[] args)
    {
        var (code, stdout, stderr) = await ExecAsync(endpoint, "test", args);
        Assert.True(code == 0, $"aws ec2 {string.Join(' ', args)} exited {code}: {stderr}");
        return JsonDocument.Parse(stdout);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> ExecAsync(string endpoint, string secret, params string[] args)
    {
        var start = new ProcessStartInfo(Cli) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "ec2" }.Concat(args).Concat(["--endpoint-url", endpoint, "--output", "json", "--no-cli-pager"]))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = "test";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = secret;
        start.Environment["AWS_DEFAULT_REGION"] = "us-west-2";
        start.Environment["AWS_REGION"] = "us-west-2";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
