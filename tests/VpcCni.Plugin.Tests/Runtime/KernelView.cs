using System.Text.Json;

namespace VpcCni.Plugin.Tests.Runtime;

/// <summary>
/// What the kernel holds inside one network namespace, read with iproute2's JSON output
/// (ip(8) <c>-json</c>), and reachability with busybox ping: the outcome a test asserts, never what
/// a plugin said it did.
/// </summary>
public static class KernelView
{
    public const string Busybox = "/bin/busybox";

    /// <summary>The IPv4 addresses (address/prefix) on <paramref name="device"/>.</summary>
    public static async Task<List<string>> AddressesAsync(string netns, string device)
    {
        var entries = await IpJsonAsync(netns, "-4", "addr", "show", "dev", device);
        return [.. entries.SelectMany(link => link.GetProperty("addr_info").EnumerateArray())
            .Select(a => $"{a.GetProperty("local").GetString()}/{a.GetProperty("prefixlen").GetInt32()}")];
    }

    /// <summary>Link names in the namespace.</summary>
    public static async Task<List<string>> LinksAsync(string netns) =>
        [.. (await IpJsonAsync(netns, "link", "show")).Select(l => l.GetProperty("ifname").GetString()!)];

    /// <summary>IPv4 routes of <paramref name="table"/> as "dst dev gateway" lines.</summary>
    public static async Task<List<string>> RoutesAsync(string netns, string table = "main") =>
        [.. (await IpJsonAsync(netns, "-4", "route", "show", "table", table)).Select(r => string.Join(' ',
            r.GetProperty("dst").GetString(),
            r.TryGetProperty("dev", out var dev) ? "dev " + dev.GetString() : string.Empty,
            r.TryGetProperty("gateway", out var gw) ? "via " + gw.GetString() : string.Empty).Trim())];

    /// <summary>IPv4 policy rules as "priority: [from src/len] [to dst/len] lookup table" lines (ip -json omits a /32 length).</summary>
    public static async Task<List<string>> RulesAsync(string netns) =>
        [.. (await IpJsonAsync(netns, "-4", "rule", "show")).Select(r =>
        {
            var text = $"{r.GetProperty("priority").GetInt32()}:";
            if (r.TryGetProperty("src", out var src) && src.GetString() != "all")
            {
                text += " from " + src.GetString() + "/" + (r.TryGetProperty("srclen", out var sl) ? sl.GetInt32() : 32);
            }

            if (r.TryGetProperty("dst", out var dst))
            {
                text += " to " + dst.GetString() + "/" + (r.TryGetProperty("dstlen", out var dl) ? dl.GetInt32() : 32);
            }

            return text + " lookup " + r.GetProperty("table").GetString();
        })];

    /// <summary>Whether one ICMP echo from inside <paramref name="netns"/> to <paramref name="address"/> is answered.</summary>
    public static async Task<(bool Answered, string Output)> PingAsync(string netns, string address)
    {
        RuntimeTools.Require(Busybox, "busybox-static");
        var (code, stdout, stderr) = await RuntimeTools.RunInAsync(netns, Busybox, ["ping", "-c", "1", "-W", "3", address]);
        return (code == 0, stdout + stderr);
    }

    private static async Task<List<JsonElement>> IpJsonAsync(string netns, params string[] arguments)
    {
        var (code, stdout, stderr) = await RuntimeTools.RunInAsync(netns, "ip", ["-json", .. arguments]);
        if (code != 0)
        {
            // A device that does not exist (any more) has nothing on it.
            return stderr.Contains("does not exist", StringComparison.Ordinal) ? [] : throw new InvalidOperationException($"ip {string.Join(' ', arguments)} failed: {stderr}");
        }

        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(stdout) ? "[]" : stdout);
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
