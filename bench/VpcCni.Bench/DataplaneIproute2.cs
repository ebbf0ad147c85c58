using System.Diagnostics;

namespace VpcCni.Bench;

/// <summary>The reference run of <see cref="DataplaneBench"/>: the same wiring steps as iproute2 commands, one process each.</summary>
internal static class DataplaneIproute2
{
    public static void Wire(string node, string pod, string veth, string mac, string podIp, int table)
    {
        Ip("-n", pod, "link", "add", "eth0", "mtu", "9001", "type", "veth", "peer", "name", veth, "mtu", "9001", "address", mac, "netns", node);
        Run("ip", "netns", "exec", node, "sysctl", "-q", "-w", $"net.ipv6.conf.{veth}.accept_ra=0", $"net.ipv6.conf.{veth}.accept_redirects=1", $"net.ipv6.conf.{veth}.forwarding=0");
        Ip("-n", node, "link", "set", veth, "up");
        Ip("-n", pod, "link", "set", "eth0", "up");
        Ip("-n", pod, "route", "replace", "169.254.1.1/32", "dev", "eth0", "scope", "link");
        Ip("-n", pod, "route", "replace", "default", "via", "169.254.1.1", "dev", "eth0");
        Ip("-n", pod, "addr", "add", $"{podIp}/32", "dev", "eth0");
        Ip("-n", pod, "neigh", "replace", "169.254.1.1", "lladdr", mac, "dev", "eth0", "nud", "permanent");
        Ip("-n", node, "route", "replace", $"{podIp}/32", "dev", veth, "scope", "link");
        Ip("-n", node, "rule", "add", "to", $"{podIp}/32", "lookup", "main", "prio", "512");
        Ip("-n", node, "rule", "add", "from", $"{podIp}/32", "lookup", table.ToString(System.Globalization.CultureInfo.InvariantCulture), "prio", "1536");
    }

    public static void Unwire(string node, string podIp, int table, string veth)
    {
        Ip("-n", node, "rule", "del", "to", $"{podIp}/32", "lookup", "main", "prio", "512");
        Ip("-n", node, "rule", "del", "from", $"{podIp}/32", "lookup", table.ToString(System.Globalization.CultureInfo.InvariantCulture), "prio", "1536");
        Ip("-n", node, "route", "del", $"{podIp}/32");
        Ip("-n", node, "link", "del", veth);
    }

    private static void Ip(params string[] args) => Run("ip", args);

    private static void Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {error}");
        }
    }
}
