using VpcCni.Engine.Errors;
using VpcCni.Engine.Linux;
using VpcCni.Engine.Linux.Namespaces;

namespace VpcCni.Engine.Tests.Linux;

public sealed class NetNsTests : IDisposable
{
    private readonly ThrowawayNamespaces _ns = new();

    public void Dispose() => _ns.Dispose();

    [RootFact]
    public void RunExecutesInsideTheTargetAndLeavesTheCallingThreadWhereItWas()
    {
        var path = _ns.Create("a");
        var before = Inode("/proc/thread-self/ns/net");

        var inside = _ns.NetNs.Run(path, () => (Inode("/proc/thread-self/ns/net"), Environment.CurrentManagedThreadId));

        Assert.Equal(Inode(path), inside.Item1);
        Assert.NotEqual(before, inside.Item1);
        Assert.NotEqual(Environment.CurrentManagedThreadId, inside.Item2);
        Assert.Equal(before, Inode("/proc/thread-self/ns/net"));
    }

    [RootFact]
    public void RunPropagatesTheWorkExceptionWithItsType()
    {
        var path = _ns.Create("a");

        var e = Assert.Throws<InvalidOperationException>(() => _ns.NetNs.Run<int>(path, () => throw new InvalidOperationException("boom")));

        Assert.Equal("boom", e.Message);
    }

    [RootFact]
    public void RunOnAMissingNamespaceThrowsNotFound()
    {
        var e = Assert.Throws<NetNsNotFoundException>(() => _ns.NetNs.Run("/run/netns/vcni-does-not-exist", () => 0));
        Assert.Equal(ErrorIds.Netns.NotFound, e.ErrorId);
    }

    [RootFact]
    public void CreateIsVisibleToIproute2AndDeleteIsIdempotent()
    {
        var path = _ns.Create("b");
        var name = Path.GetFileName(path);

        Assert.Equal(JsonValueKindArray, IpJson.Run(name, "link", "show").ValueKind);
        Assert.Throws<NetNsException>(() => _ns.NetNs.Create(name));
        Assert.True(_ns.NetNs.Delete(name));
        Assert.False(_ns.NetNs.Delete(name));
        Assert.False(File.Exists(path));
    }

    [RootFact]
    public void SysctlsWrittenInsideRunChangeOnlyThatNamespace()
    {
        var a = _ns.Create("a");
        var b = _ns.Create("b");
        var sysctl = new ProcSysctl();

        _ns.NetNs.Run(a, () => { sysctl.Write("net/ipv4/ip_forward", "1"); return 0; });

        Assert.Equal("1", _ns.NetNs.Run(a, () => sysctl.Read("net/ipv4/ip_forward")));
        Assert.Equal("0", _ns.NetNs.Run(b, () => sysctl.Read("net/ipv4/ip_forward")));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindArray = System.Text.Json.JsonValueKind.Array;

    private static ulong Inode(string path)
    {
        // /proc/*/ns/net reads as "net:[<inode>]"; a bind-mounted /run/netns file has the same inode.
        var target = new FileInfo(path).LinkTarget;
        if (target is not null)
        {
            return ulong.Parse(target[5..^1], System.Globalization.CultureInfo.InvariantCulture);
        }

        var info = new System.Diagnostics.ProcessStartInfo("stat", ["-L", "-c", "%i", path]) { RedirectStandardOutput = true };
        using var p = System.Diagnostics.Process.Start(info)!;
        return ulong.Parse(p.StandardOutput.ReadToEnd().Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
