using System.Net;

namespace VpcCni.Engine.Ipam;

/// <summary>
/// An immutable copy of one datastore's state, the input of the warm-pool planner and of
/// introspection. ENIs are ordered by device number, so every choice made from a snapshot is
/// deterministic (upstream walks a Go map in random order; docs/ipam.md "Differences from upstream").
/// </summary>
public sealed record DatastoreSnapshot
{
    public int NetworkCard { get; init; }

    /// <summary>The instant cooldown flags were evaluated at.</summary>
    public DateTimeOffset TakenAt { get; init; }

    public TimeSpan CooldownPeriod { get; init; }

    /// <summary>Whether pod addresses come from /28 prefixes (true) or /32 secondary IPs.</summary>
    public bool PrefixDelegation { get; init; }

    public IReadOnlyList<EniSnapshot> Enis { get; init; } = [];

    /// <summary>Assigned addresses removed by forced CIDR or ENI removal since start (<c>awscni_force_removed_ips</c>).</summary>
    public long ForceRemovedAddresses { get; init; }

    /// <summary>ENIs removed by force while pods held addresses on them, since start (<c>awscni_force_removed_enis</c>).</summary>
    public long ForceRemovedEnis { get; init; }

    /// <summary>Counters of the current mode, evaluated at <see cref="TakenAt"/>.</summary>
    public IpamStats Stats => IpamStats.From(this);

    public bool HasTrunk => Enis.Any(e => e.Descriptor.IsTrunk);

    public EniSnapshot? FindEni(string eniId) => Enis.FirstOrDefault(e => e.Descriptor.Id == eniId);

    /// <summary>
    /// CIDRs of the given mode that hold no assigned and no cooling address, per ENI in device
    /// order, skipping trunk ENIs. This is the list a shrink releases from.
    /// </summary>
    public IReadOnlyList<(EniSnapshot Eni, CidrSnapshot Cidr)> FreeCidrs(bool prefixes) =>
        Enis.Where(e => !e.Descriptor.IsTrunk)
            .SelectMany(e => e.CidrsOfMode(prefixes).Where(c => c.IsFree).Select(c => (e, c)))
            .ToArray();

    /// <summary>
    /// This snapshot with cooldown flags evaluated at <paramref name="now"/>: published snapshots are
    /// immutable, so readers re-evaluate time-dependent flags instead of asking the datastore again.
    /// </summary>
    internal DatastoreSnapshot At(DateTimeOffset now) => now == TakenAt ? this : this with
    {
        TakenAt = now,
        Enis = Enis.Select(e => e with
        {
            Cidrs = e.Cidrs.Select(c => c.Addresses.Any(a => a.UnassignedAt is not null)
                ? c with { Addresses = c.Addresses.Select(a => a.At(now, CooldownPeriod)).ToArray() }
                : c).ToArray(),
        }).ToArray(),
    };

    /// <summary>The snapshot as it would be once the given CIDRs are released (for planning).</summary>
    public DatastoreSnapshot WithoutCidrs(string eniId, IReadOnlyCollection<IPNetwork> cidrs) => this with
    {
        Enis = Enis.Select(e => e.Descriptor.Id != eniId
            ? e
            : e with { Cidrs = e.Cidrs.Where(c => !cidrs.Contains(c.Network)).ToArray() }).ToArray(),
    };
}
