namespace VpcCni.Engine.Linux.Wiring;

/// <summary>
/// A pod's veth pair made before its address is known (<see cref="PodNetworkWiring.CreateVethPair"/>),
/// with the netlink socket in the pod's namespace that the second half of ADD
/// (<see cref="PodNetworkWiring.Setup(PodNetworkRequest, PodVethPair)"/>) goes on with.
/// </summary>
public sealed class PodVethPair : IDisposable
{
    internal PodVethPair(RtNetlink pod, string netnsPath, PodWiringResult links)
    {
        Pod = pod;
        NetnsPath = netnsPath;
        Links = links;
    }

    /// <summary>Both ends: names, indexes and MACs.</summary>
    public PodWiringResult Links { get; }

    /// <summary>The pod's namespace the pod end lives in.</summary>
    public string NetnsPath { get; }

    internal RtNetlink Pod { get; }

    /// <summary>
    /// Deletes the pair through its pod-side end when ADD does not use it (the service had no address,
    /// or the pod turned out to be a branch-ENI pod), and closes the socket. Returns 1 when deleted.
    /// </summary>
    public int Discard()
    {
        using (this)
        {
            return Idempotent.Remove(() => Pod.DeleteLink(Links.PodIndex)) ? 1 : 0;
        }
    }

    public void Dispose() => Pod.Dispose();
}
