using VpcCni.Engine.Ipam;

namespace VpcCni.Service.Introspection;

/// <summary>
/// Whether the node can take a pod: <c>/readyz</c> answers 200 only when the datastore has an
/// address a pod could get right now (not assigned, not cooling down). Read from the published
/// snapshot, so a probe never waits for a checkpoint write.
/// </summary>
public sealed class NodeReadiness(IpamDatastore datastore)
{
    /// <summary>Ready, or the reason the node is not.</summary>
    public (bool Ready, string Reason) Check()
    {
        var stats = datastore.GetStats();
        return stats.Available > 0
            ? (true, $"{stats.Available} addresses free")
            : (false, $"no free address in the pool ({stats})");
    }
}
