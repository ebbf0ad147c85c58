namespace VpcCni.Engine.Ipam;

/// <summary>
/// The warm targets an ENI removal must keep satisfied by the ENIs that remain
/// (upstream <c>RemoveUnusedENIFromStore(warmIP, minIP, warmPrefix)</c>).
/// </summary>
public sealed record DeletabilityTargets(int WarmIpTarget = 0, int MinimumIpTarget = 0, int WarmPrefixTarget = 0)
{
    /// <summary>An ENI younger than this is kept (upstream <c>minENILifeTime</c>, 60 s); tests shorten it.</summary>
    public TimeSpan MinimumEniLifetime { get; init; } = EniDeletability.MinimumEniLifetime;

    /// <summary>No target: any old, empty, ordinary ENI may go.</summary>
    public static DeletabilityTargets None { get; } = new();
}
