using Microsoft.Win32.SafeHandles;

namespace VpcCni.Engine.Linux;

/// <summary>
/// Network namespaces (the namespace port of docs/dataplane.md). <see cref="Run{T}"/> is the one primitive for doing work
/// inside a namespace; everything else (opening a socket there, writing its sysctls) goes through it.
/// </summary>
public interface INetNs
{
    /// <summary>
    /// Runs <paramref name="work"/> on a dedicated thread switched into the namespace at
    /// <paramref name="namespacePath"/>, then switches back. <paramref name="work"/> must be synchronous:
    /// an await would resume on a pool thread in the wrong namespace.
    /// </summary>
    T Run<T>(string namespacePath, Func<T> work);

    /// <summary>Opens a namespace file (<c>/run/netns/x</c>, <c>/proc/&lt;pid&gt;/ns/net</c>) for setns or IFLA_NET_NS_FD.</summary>
    SafeFileHandle Open(string namespacePath);

    /// <summary>The <c>ip netns</c> path for a name, e.g. <c>/run/netns/pod-a</c>.</summary>
    string PathOf(string name);

    /// <summary>Creates a named namespace the way <c>ip netns add</c> does and returns its path.</summary>
    string Create(string name);

    /// <summary>Deletes a named namespace like <c>ip netns del</c>; false when it did not exist.</summary>
    bool Delete(string name);
}
