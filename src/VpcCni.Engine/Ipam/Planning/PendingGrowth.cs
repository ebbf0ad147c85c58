namespace VpcCni.Engine.Ipam.Planning;

/// <summary>
/// Growth already asked of EC2 and not finished yet: what the pool loop has in flight while it plans
/// again for calls that wait for an address. The planner counts these CIDRs as if they had arrived,
/// counts the ENIs being created against the ENI limit, and does not fill an ENI that is being filled.
/// </summary>
public sealed record PendingGrowth
{
    /// <summary>Nothing in flight.</summary>
    public static PendingGrowth None { get; } = new();

    /// <summary>CIDRs of the current mode in flight: /32 secondary IPs, or /28 prefixes in prefix mode.</summary>
    public int Cidrs { get; init; }

    /// <summary>ENIs being created and attached.</summary>
    public int Enis { get; init; }

    /// <summary>ENIs an assign call is filling now.</summary>
    public IReadOnlySet<string> FillingEniIds { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>CIDRs being added per ENI an assign call is filling now.</summary>
    public IReadOnlyDictionary<string, int> FillingCounts { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>
    /// ENIs a release or free call is working on now. EC2 still counts the CIDRs being given back until
    /// the call lands, while the datastore has already dropped them, so filling such an ENI meanwhile can
    /// exceed its limit (<c>PrivateIpAddressLimitExceeded</c>): demand growth leaves it alone until then.
    /// </summary>
    public IReadOnlySet<string> ReleasingEniIds { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>CIDRs each ENI being created asks for, one entry per ENI.</summary>
    public IReadOnlyList<int> CreatingSizes { get; init; } = [];

    /// <summary>True when nothing is in flight.</summary>
    public bool IsEmpty => Cidrs == 0 && Enis == 0 && FillingEniIds.Count == 0;

    /// <summary>What the grow actions in <paramref name="actions"/> will add once they complete, and which ENIs the release and free actions among them are working on.</summary>
    public static PendingGrowth Of(IEnumerable<PoolAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        int cidrs = 0, enis = 0;
        var filling = new Dictionary<string, int>(StringComparer.Ordinal);
        var creating = new List<int>();
        var releasing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            switch (action)
            {
                case AssignAddressesAction a:
                    cidrs += a.Count;
                    filling[a.EniId] = filling.GetValueOrDefault(a.EniId) + a.Count;
                    break;
                case AssignPrefixesAction p:
                    cidrs += p.Count;
                    filling[p.EniId] = filling.GetValueOrDefault(p.EniId) + p.Count;
                    break;
                case CreateEniAction c:
                    cidrs += c.AddressCount + c.PrefixCount;
                    creating.Add(c.AddressCount + c.PrefixCount);
                    enis++;
                    break;
                case ReleaseCidrsAction r:
                    releasing.Add(r.EniId);
                    break;
                case FreeEniAction f:
                    releasing.Add(f.EniId);
                    break;
            }
        }

        return cidrs == 0 && enis == 0 && filling.Count == 0 && releasing.Count == 0
            ? None
            : new PendingGrowth
            {
                Cidrs = cidrs,
                Enis = enis,
                FillingEniIds = new HashSet<string>(filling.Keys, StringComparer.Ordinal),
                FillingCounts = filling,
                CreatingSizes = creating,
                ReleasingEniIds = releasing,
            };
    }

    /// <summary>
    /// Room the ENIs in flight will still have once their calls land: an ENI created with fewer than
    /// <paramref name="maxCidrsPerEni"/> CIDRs, or one being filled short of it. A later plan fills it.
    /// </summary>
    public int SpareRoom(IReadOnlyList<EniSnapshot> enis, int maxCidrsPerEni)
    {
        ArgumentNullException.ThrowIfNull(enis);
        var spare = CreatingSizes.Sum(size => Math.Max(maxCidrsPerEni - size, 0));
        foreach (var eni in enis)
        {
            if (FillingCounts.TryGetValue(eni.Descriptor.Id, out var adding))
            {
                spare += Math.Max(maxCidrsPerEni - eni.Cidrs.Count - adding, 0);
            }
        }

        return spare;
    }

    /// <summary>True for the actions that add CIDRs (fill an ENI or create one).</summary>
    public static bool IsGrowth(PoolAction action) => action is AssignAddressesAction or AssignPrefixesAction or CreateEniAction;
}
