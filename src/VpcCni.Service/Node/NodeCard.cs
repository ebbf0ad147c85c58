using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Execution;

namespace VpcCni.Service.Node;

/// <summary>
/// One network card's pool: its datastore, the executor whose provider attaches ENIs to that card, and
/// what the pool loop remembers between its ticks (upstream keeps one datastore per card,
/// <c>pkg/ipamd/ipamd.go</c> <c>dataStoreAccess</c>).
/// </summary>
internal sealed class NodeCard(int networkCard, IpamDatastore datastore, PoolActionExecutor executor)
{
    public int NetworkCard { get; } = networkCard;

    public IpamDatastore Datastore { get; } = datastore;

    public PoolActionExecutor Executor { get; } = executor;

    /// <summary>When this card last released addresses (the planner releases at most every 30 s).</summary>
    public DateTimeOffset? LastDecreaseAt { get; set; }

    /// <summary>Growth of this card waits until then after its subnet ran out of addresses.</summary>
    public DateTimeOffset? GrowthPausedUntil { get; set; }
}
