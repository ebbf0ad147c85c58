using System.Diagnostics;
using System.Globalization;
using System.Text;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Bench;

/// <summary>
/// The simulator through an unmodified AmazonEC2Client (sequential calls, in-process server on
/// loopback), beside the reference: a bare Kestrel/HttpClient round-trip of a trivial request.
/// </summary>
public sealed class SimulatorBench : IBenchmarkSuite
{
    public string Name => "simulator";

    public string Title => "EC2/IMDS simulator";

    public string? CannotRunReason() => null;

    public async Task<string> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var scenario = Scenario.Default();
        scenario.Throttling.Enabled = false;
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = scenario }, cancellationToken).ConfigureAwait(false);
        using var ec2 = new AmazonEC2Client(new BasicAWSCredentials("bench", "bench"), new AmazonEC2Config
        {
            ServiceURL = server.Ec2Endpoint.ToString().TrimEnd('/'),
            AuthenticationRegion = "us-west-2",
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = 0,
        });
        using var http = new HttpClient { BaseAddress = server.ImdsEndpoint };
        var eniId = (await ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = server.World.Inspect(w => w.Subnets[0].Id) }, cancellationToken).ConfigureAwait(false)).NetworkInterface.NetworkInterfaceId;
        for (var i = 0; i < 10; i++)
        {
            await ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = server.World.Inspect(w => w.Subnets[0].Id), SecondaryPrivateIpAddressCount = 5 }, cancellationToken).ConfigureAwait(false);
        }

        var iterations = options.Iterations(2000);
        var reference = await MeasureAsync(iterations, async () =>
        {
            // Reference: Kestrel + HttpClient only: IMDS answers a token-less GET with 401 before touching the world.
            using var response = await http.GetAsync("latest/meta-data/instance-id", cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        var describe = await MeasureAsync(iterations, () =>
            ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [eniId] }, cancellationToken)).ConfigureAwait(false);
        var describeAll = await MeasureAsync(iterations, () =>
            ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest(), cancellationToken)).ConfigureAwait(false);
        var assign = await MeasureAsync(iterations, async () =>
        {
            var got = await ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = eniId, SecondaryPrivateIpAddressCount = 2 }, cancellationToken).ConfigureAwait(false);
            await ec2.UnassignPrivateIpAddressesAsync(new UnassignPrivateIpAddressesRequest
            {
                NetworkInterfaceId = eniId,
                PrivateIpAddresses = [.. got.AssignedPrivateIpAddresses.Select(a => a.PrivateIpAddress)],
            }, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);

        var doc = new StringBuilder();
        doc.AppendLine(CultureInfo.InvariantCulture, $"Sequential calls, {iterations} per row, one client, in-process `SimulatorServer` on 127.0.0.1 (default world + 11 ENIs), throttling off.");
        doc.AppendLine("Command: `dotnet run -c Release --project bench/VpcCni.Bench -- --filter simulator`.").AppendLine();
        doc.AppendLine("| operation | requests/s | p50 ms | p99 ms | vs reference (p50) |");
        doc.AppendLine("|---|---:|---:|---:|---:|");
        Row(doc, "reference: Kestrel/HttpClient trivial round-trip (IMDS 401)", reference, reference);
        Row(doc, "DescribeNetworkInterfaces (one id) via AmazonEC2Client", describe, reference);
        Row(doc, "DescribeNetworkInterfaces (all 12) via AmazonEC2Client", describeAll, reference);
        Row(doc, "AssignPrivateIpAddresses + Unassign (2 calls) via AmazonEC2Client", assign, reference);
        return doc.ToString();
    }

    private static void Row(StringBuilder doc, string name, (Stats Stats, double PerSecond) m, (Stats Stats, double PerSecond) reference) =>
        doc.AppendLine(CultureInfo.InvariantCulture,
            $"| {name} | {m.PerSecond:0} | {Stats.Ms(m.Stats.Percentile(50))} | {Stats.Ms(m.Stats.Percentile(99))} | {m.Stats.Percentile(50) / reference.Stats.Percentile(50):0.0}× |");

    private static async Task<(Stats Stats, double PerSecond)> MeasureAsync(int iterations, Func<Task> call)
    {
        for (var i = 0; i < Math.Min(100, iterations); i++)
        {
            await call().ConfigureAwait(false);
        }

        var stats = new Stats();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call().ConfigureAwait(false);
            stats.AddTicks(Stopwatch.GetTimestamp() - start);
        }

        return (stats, iterations / total.Elapsed.TotalSeconds);
    }
}
