using System.Diagnostics;

namespace VpcCni.Service.Tests.Systemd;

/// <summary>packaging/systemd/vpc-cni-node.service, checked by systemd's own parser.</summary>
public sealed class SystemdUnitTests
{
    private static readonly string UnitPath = Path.Combine(RepositoryFiles.Root, "packaging", "systemd", "vpc-cni-node.service");

    [SystemdAnalyzeFact]
    public async Task SystemdAnalyzeVerifyReportsNoProblemForTheUnit()
    {
        using var directory = new TempDirectory();

        var (exitCode, output) = await VerifyAsync(directory, File.ReadAllText(UnitPath));

        Assert.True(exitCode == 0 && output.Length == 0, $"systemd-analyze verify exited {exitCode}:\n{output}");
    }

    [SystemdAnalyzeFact]
    public async Task SystemdAnalyzeVerifyWouldReportAMisspeltKey()
    {
        // The check above is only worth something if the tool speaks up about a broken unit.
        using var directory = new TempDirectory();

        var (_, output) = await VerifyAsync(directory, File.ReadAllText(UnitPath).Replace("WatchdogSec=", "WatchDogSec=", StringComparison.Ordinal));

        Assert.Contains("WatchDogSec", output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheUnitIsANotifyServiceThatReloadsWithSighupAndRunsTheInstalledBinary()
    {
        var lines = Settings();

        Assert.Equal("notify", lines["Type"]);
        Assert.Equal("/usr/local/bin/vpc-cni-node run --config /etc/vpc-cni/vpc-cni.env", lines["ExecStart"]);
        Assert.Equal("-/etc/vpc-cni/vpc-cni.env", lines["EnvironmentFile"]);
        Assert.Equal("/bin/kill -HUP $MAINPID", lines["ExecReload"]);
        Assert.Equal("on-failure", lines["Restart"]);
        Assert.Equal("78", lines["RestartPreventExitStatus"]);
        Assert.True(int.Parse(lines["WatchdogSec"], System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public void TheUnitBoundsCapabilitiesToNetworkAdministrationAndSetns()
    {
        var lines = Settings();
        string[] expected = ["CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_SYS_ADMIN"];

        Assert.Equal(expected, lines["CapabilityBoundingSet"].Split(' '));
        Assert.Equal(expected, lines["AmbientCapabilities"].Split(' '));
        Assert.Equal("yes", lines["NoNewPrivileges"]);
        Assert.Equal("strict", lines["ProtectSystem"]);
        Assert.Equal("/var/run/aws-node /var/log/aws-routed-eni -/run/netns", lines["ReadWritePaths"]);

        // The conflist directory: created when missing and writable (systemd.exec(5), ConfigurationDirectory=).
        Assert.Equal("cni/net.d", lines["ConfigurationDirectory"]);
    }

    private static Dictionary<string, string> Settings() => File.ReadLines(UnitPath)
        .Where(line => line.Length > 0 && line[0] is not ('#' or '[' or ';'))
        .Select(line => line.Split('=', 2))
        .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);

    private static async Task<(int ExitCode, string Output)> VerifyAsync(TempDirectory directory, string unit)
    {
        // verify checks that ExecStart= names an executable file, so the copy points at the built one.
        var copy = Path.Combine(directory.Path, "vpc-cni-node.service");
        await File.WriteAllTextAsync(copy, unit.Replace("/usr/local/bin/vpc-cni-node", NodeProcess.ExecutablePath, StringComparison.Ordinal));
        var info = new ProcessStartInfo(SystemdAnalyzeFactAttribute.ToolPath)
        {
            ArgumentList = { "verify", "--man=no", copy },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, ((await stdout) + (await stderr)).Trim());
    }
}
