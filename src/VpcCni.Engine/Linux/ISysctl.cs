namespace VpcCni.Engine.Linux;

/// <summary>
/// Kernel parameters under <c>/proc/sys</c>, keyed like <c>net/ipv4/conf/eth0/rp_filter</c>.
/// <c>/proc/sys/net</c> shows the calling thread's namespace, so call it inside <see cref="INetNs.Run{T}"/>
/// to change another namespace.
/// </summary>
public interface ISysctl
{
    string Read(string key);

    void Write(string key, string value);
}
