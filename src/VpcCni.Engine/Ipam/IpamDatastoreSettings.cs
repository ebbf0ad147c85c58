using VpcCni.Engine.Configuration;

namespace VpcCni.Engine.Ipam;

/// <summary>
/// Fixed settings of one datastore (one per network card). The lead maps configuration
/// (<c>IP_COOLDOWN_PERIOD</c>, <c>ENABLE_PREFIX_DELEGATION</c>) onto this.
/// </summary>
public sealed record IpamDatastoreSettings
{
    /// <summary>Network card this datastore serves; card N&gt;0 checkpoints to the file <see cref="Checkpoint.CheckpointPaths.ForNetworkCard"/> names.</summary>
    public int NetworkCard { get; init; }

    /// <summary>How long a released address stays out of use (<c>IP_COOLDOWN_PERIOD</c>, default 30 s).</summary>
    public TimeSpan CooldownPeriod { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Hand out addresses from /28 prefixes (true) or /32 secondary IPs (false).</summary>
    public bool PrefixDelegation { get; init; }

    /// <summary>
    /// The CNI network name used when none is given: upstream's conflist <c>name</c>, <c>aws-cni</c>, so the
    /// keys of checkpoint entries match across a move between the Go daemon and this one.
    /// </summary>
    public string NetworkName { get; init; } = "aws-cni";

    /// <summary>The datastore settings of <paramref name="networkCard"/> under validated <paramref name="settings"/>.</summary>
    public static IpamDatastoreSettings From(VpcCniSettings settings, int networkCard = 0)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegative(networkCard);
        return new IpamDatastoreSettings
        {
            NetworkCard = networkCard,
            CooldownPeriod = settings.Ipam.IpCooldownPeriod,
            PrefixDelegation = settings.Ipam.EnablePrefixDelegation,
        };
    }
}
