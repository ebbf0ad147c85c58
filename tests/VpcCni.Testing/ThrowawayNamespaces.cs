using VpcCni.Engine.Linux;

namespace VpcCni.Testing;

/// <summary>
/// Uniquely named network namespaces for one test, all deleted on dispose. Nothing in a root-lane
/// test touches the machine's own links, routes or rules.
/// </summary>
public sealed class ThrowawayNamespaces : IDisposable
{
    private readonly List<string> _names = [];
    private readonly string _prefix = "vcni" + Guid.NewGuid().ToString("N")[..6];

    public NetNs NetNs { get; } = new();

    /// <summary>Creates <c>vcni&lt;random&gt;-&lt;role&gt;</c> and returns its path.</summary>
    public string Create(string role)
    {
        var name = $"{_prefix}-{role}";
        var path = NetNs.Create(name);
        _names.Add(name);
        return path;
    }

    public string NameOf(string role) => $"{_prefix}-{role}";

    public RtNetlink Open(string path) => RtNetlink.OpenIn(NetNs, path);

    public void Dispose()
    {
        foreach (var name in _names)
        {
            NetNs.Delete(name);
        }
    }
}
