using System.Diagnostics;
using System.Net;

namespace VpcCni.Simulator.Tests;

/// <summary>The <c>vpc-cni-sim</c> executable: starts, prints its endpoints, serves, and rejects bad scenarios.</summary>
public sealed class ProgramTests
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "vpc-cni-sim.dll");

    [Fact]
    public async Task TheExecutablePrintsItsEndpointsServesEc2AndStopsOnSigterm()
    {
        using var process = Start("--port", "0");
        try
        {
            var lines = new List<string>();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
                if (line.StartsWith("Serving", StringComparison.Ordinal))
                {
                    break;
                }
            }

            var ec2 = lines.Single(l => l.StartsWith("EC2 endpoint: ", StringComparison.Ordinal))["EC2 endpoint: ".Length..];
            Assert.Contains(lines, l => l.StartsWith("IMDS endpoint (i-", StringComparison.Ordinal));
            using var http = new HttpClient();
            var response = await http.PostAsync(new Uri(ec2), new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "DescribeSubnets", ["Version"] = "2016-11-15" }));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("10.0.64.0/19", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            // SIGTERM is a graceful stop (exit 0), as under systemd.
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(exit.Token);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
        }
    }

    [Fact]
    public async Task ABadScenarioFileExitsWithItsFieldOnStderr()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sim-bad-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{ "instances": [ { "instanceType": "zz.nope" } ], "subnets": [ { "availabilityZone": "us-west-2a", "cidrBlock": "10.0.0.0/24" } ] }""");
        try
        {
            using var process = Start("--scenario", file);
            var stderr = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(2, process.ExitCode);
            Assert.Contains("instances[0].instanceType", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }
}
