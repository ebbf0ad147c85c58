namespace VpcCni.Plugin.Tests.Runtime;

/// <summary>
/// What a node's root namespace has that a fresh network namespace lacks: loopback up (the simulator
/// listens there) and IPv4 forwarding on, which a node gets from its distribution or upstream's
/// aws-node init container, not from the CNI, and without which pod-to-pod traffic stops at the host veth.
/// </summary>
public static class RuntimeNodeSetup
{
    public static async Task PrepareAsync(string nodeNamespace)
    {
        await ThrowawayNamespaces.RunAsync(nodeNamespace, "ip", "link", "set", "lo", "up");
        await ThrowawayNamespaces.RunAsync(nodeNamespace, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
    }
}
