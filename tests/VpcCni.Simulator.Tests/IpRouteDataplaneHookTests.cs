using System.Diagnostics;
using Amazon.EC2.Model;
using VpcCni.Simulator.Tests.Support;

namespace VpcCni.Simulator.Tests;

/// <summary>Root lane: the dataplane hook in a throwaway network namespace.</summary>
public sealed class IpRouteDataplaneHookTests
{
    [RootFact]
    public async Task AttachCreatesALinkWithTheEniMacAndDetachRemovesIt()
    {
        var ns = $"simtest{Environment.ProcessId % 100000}";
        Ip("netns", "add", ns);
        try
        {
            await using var sim = await SimHarness.StartAsync(s => s.Instances[0].Netns = ns);
            var primaryMac = sim.World.Inspect(w => w.NetworkInterfaces[w.Instances[w.DefaultInstanceId].PrimaryNetworkInterfaceId].MacAddress);
            Assert.Contains(primaryMac, Ip("-n", ns, "link", "show"), StringComparison.Ordinal);

            var eni = await sim.CreateEniAsync();
            var attachmentId = await sim.AttachAsync(eni.NetworkInterfaceId, 1);
            var linkName = "sim" + eni.NetworkInterfaceId[^12..];
            var link = Ip("-n", ns, "link", "show", linkName);
            Assert.Contains(eni.MacAddress, link, StringComparison.Ordinal);

            await sim.Ec2.DetachNetworkInterfaceAsync(new DetachNetworkInterfaceRequest { AttachmentId = attachmentId });
            await sim.DescribeEniAsync(eni.NetworkInterfaceId);
            Assert.DoesNotContain(eni.MacAddress, Ip("-n", ns, "link", "show"), StringComparison.Ordinal);
            Assert.Empty(sim.World.DataplaneErrors);
        }
        finally
        {
            Ip("netns", "del", ns);
        }
    }

    private static string Ip(params string[] args)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"ip {string.Join(' ', args)}: {error}");
        return output;
    }
}
