using VpcCni.Engine.Linux;
using VpcCni.Engine.Linux.PacketFilter;

namespace VpcCni.Testing;

/// <summary>
/// The one throwaway-namespace helper of the test code: uniquely named network namespaces for one
/// test, all deleted on dispose, plus the few packet-filter reads the root-lane tests need inside
/// them. Nothing in a root-lane test touches the machine's own links, routes, rules or iptables.
/// </summary>
public sealed class ThrowawayNamespaces : IDisposable
{
    private readonly List<string> _names = [];
    private readonly string _prefix = "vcni" + Guid.NewGuid().ToString("N")[..6];

    /// <summary>The engine's own namespace primitive, which <c>ip netns</c> also sees (bind mounts under /run/netns).</summary>
    public NetNs NetNs { get; } = new();

    /// <summary>Creates <c>vcni&lt;random&gt;-&lt;role&gt;</c> and returns its path.</summary>
    public string Create(string role)
    {
        var name = NameOf(role);
        var path = NetNs.Create(name);
        _names.Add(name);
        return path;
    }

    public string NameOf(string role) => $"{_prefix}-{role}";

    /// <summary>An rtnetlink socket inside the namespace at <paramref name="path"/>.</summary>
    public RtNetlink Open(string path) => RtNetlink.OpenIn(NetNs, path);

    /// <summary>A command runner whose tools run inside <paramref name="path"/> (nsenter), optionally searching only <paramref name="toolSearchPath"/>.</summary>
    public static CommandRunner Runner(string path, string? toolSearchPath = null) => new(path, toolSearchPath);

    /// <summary>Runs a tool inside the namespace and returns stdout; fails the test on a non-zero exit.</summary>
    public static async Task<string> RunAsync(string path, string program, params string[] arguments)
    {
        var result = await Runner(path).RunCheckedAsync(program, arguments, null, CancellationToken.None);
        return result.StandardOutput;
    }

    /// <summary>Feeds <paramref name="script"/> to <c>iptables-restore --noflush</c> inside the namespace (test setup).</summary>
    public static Task SeedIptablesAsync(string path, string script) =>
        Runner(path).RunCheckedAsync("iptables-restore", ["--noflush"], script, CancellationToken.None);

    /// <summary><c>iptables-save -t table</c> reduced to user-chain declarations and rules (no comments, counters, built-in policies).</summary>
    public static async Task<List<string>> SaveRulesAsync(string path, string table, string saveProgram = "iptables-save")
    {
        var output = await RunAsync(path, saveProgram, "-t", table);
        return output.Split('\n')
            .Where(line => line.StartsWith("-A ", StringComparison.Ordinal) || (line.StartsWith(':') && line.Contains(" - ", StringComparison.Ordinal)))
            .Select(line => line.StartsWith(':') ? line[..line.IndexOf(' ', StringComparison.Ordinal)] : line)
            .ToList();
    }

    /// <summary>Every table as iptables-save prints it, without the timestamp comments and counters.</summary>
    public static async Task<string> SaveAllWithoutCountersAsync(string path)
    {
        var output = await RunAsync(path, "iptables-save");
        return string.Join('\n', output.Split('\n')
            .Where(line => !line.StartsWith('#'))
            .Select(line => line.StartsWith(':') ? line[..line.LastIndexOf(' ')] : line));
    }

    public void Dispose()
    {
        foreach (var name in _names)
        {
            NetNs.Delete(name);
        }
    }
}
