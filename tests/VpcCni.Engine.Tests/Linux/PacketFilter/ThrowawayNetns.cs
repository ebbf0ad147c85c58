using System.Security.Cryptography;
using VpcCni.Engine.Linux;
using VpcCni.Engine.Linux.PacketFilter;

namespace VpcCni.Engine.Tests.Linux.PacketFilter;

/// <summary>
/// A named network namespace (<c>ip netns add vpccni-snat-&lt;random&gt;</c>) that exists for one test
/// and is always deleted, so root-lane tests never touch the machine's own packet filter.
/// </summary>
internal sealed class ThrowawayNetns : IAsyncDisposable
{
    private static readonly NetNs Namespaces = new();

    private ThrowawayNetns(string name)
    {
        Name = name;
        Runner = new CommandRunner(Path);
    }

    public string Name { get; }

    public string Path => "/var/run/netns/" + Name;

    /// <summary>A runner whose commands run inside this namespace.</summary>
    public CommandRunner Runner { get; }

    public static Task<ThrowawayNetns> CreateAsync()
    {
        var name = "vpccni-snat-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        // The engine's own primitive, which `ip netns` also sees (bind mount under /run/netns).
        Namespaces.Create(name);
        return Task.FromResult(new ThrowawayNetns(name));
    }

    /// <summary>Runs a tool inside the namespace and returns stdout; fails the test on a non-zero exit.</summary>
    public async Task<string> RunAsync(string program, params string[] arguments)
    {
        var result = await Runner.RunCheckedAsync(program, arguments, null, CancellationToken.None);
        return result.StandardOutput;
    }

    /// <summary>Feeds <paramref name="script"/> to <c>iptables-restore --noflush</c> inside the namespace (test setup).</summary>
    public Task SeedAsync(string script) =>
        Runner.RunCheckedAsync("iptables-restore", ["--noflush"], script, CancellationToken.None);

    /// <summary><c>iptables-save -t table</c> reduced to user-chain declarations and rules (no comments, counters, built-in policies).</summary>
    public async Task<List<string>> SaveRulesAsync(string table, string saveProgram = "iptables-save")
    {
        var output = await RunAsync(saveProgram, "-t", table);
        return output.Split('\n')
            .Where(line => line.StartsWith("-A ", StringComparison.Ordinal) || (line.StartsWith(':') && line.Contains(" - ", StringComparison.Ordinal)))
            .Select(line => line.StartsWith(':') ? line[..line.IndexOf(' ')] : line)
            .ToList();
    }

    /// <summary>Both tables as iptables-save prints them with the timestamp comments and counters removed.</summary>
    public async Task<string> SaveAllWithoutCountersAsync()
    {
        var output = await RunAsync("iptables-save");
        return string.Join('\n', output.Split('\n')
            .Where(line => !line.StartsWith('#'))
            .Select(line => line.StartsWith(':') ? line[..line.LastIndexOf(' ')] : line));
    }

    public ValueTask DisposeAsync()
    {
        Namespaces.Delete(Name);
        return ValueTask.CompletedTask;
    }
}
