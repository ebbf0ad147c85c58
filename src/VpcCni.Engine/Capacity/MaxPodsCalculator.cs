using System.Globalization;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Limits;

namespace VpcCni.Engine.Capacity;

/// <summary>
/// Computes the kubelet <c>maxPods</c> value the way the EKS AMI's <c>max-pods-calculator.sh</c> and
/// upstream's <c>eni-max-pods.txt</c> do (upstream misc/max-pods-calculator.sh). Pure: no I/O, no clock.
/// </summary>
public sealed class MaxPodsCalculator
{
    /// <summary>Ceiling for instances with at most 30 vCPUs.</summary>
    public const int LowCpuCeiling = 110;

    /// <summary>Ceiling for instances with more than 30 vCPUs.</summary>
    public const int HighCpuCeiling = 250;

    /// <summary>Addresses in one /28 prefix.</summary>
    public const int AddressesPerPrefix = 16;

    /// <summary>Pods on host networking that need no pod address: aws-node and kube-proxy.</summary>
    public const int HostNetworkPods = 2;

    /// <summary>Upper bound for explicit ENI, IPv4-per-ENI and vCPU figures; far above any EC2 type.</summary>
    public const int MaxExplicitLimit = 4096;

    private static readonly Version FirstPrefixDelegationCni = new(1, 9, 0);
    private readonly InstanceTypeCatalog _catalog;

    public MaxPodsCalculator(InstanceTypeCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
    }

    /// <summary>A calculator over the built-in instance-type table.</summary>
    public static MaxPodsCalculator Default { get; } = new(InstanceTypeCatalog.Embedded);

    /// <summary><c>enis × (ipsPerEni − 1) + 2</c>: the primary address of each ENI never goes to a pod.</summary>
    public static int SecondaryIpMaxPods(int enis, int ipv4PerEni) => checked((enis * (ipv4PerEni - 1)) + HostNetworkPods);

    /// <summary><c>enis × (ipsPerEni − 1) × 16 + 2</c>: every secondary slot holds a /28 prefix.</summary>
    public static int PrefixDelegationMaxPods(int enis, int ipv4PerEni) =>
        checked((enis * (ipv4PerEni - 1) * AddressesPerPrefix) + HostNetworkPods);

    /// <summary>110 when vCPUs ≤ 30, else 250 (<see cref="InstanceTypeLimits.HighCpuThreshold"/>).</summary>
    public static int CeilingFor(int vcpus) => vcpus > InstanceTypeLimits.HighCpuThreshold ? HighCpuCeiling : LowCpuCeiling;

    /// <summary>Calculates max pods for one instance.</summary>
    /// <exception cref="VpcCniException">
    /// <c>Capacity.UnknownInstanceType</c> for a type missing from the table without explicit limits;
    /// <c>Capacity.MissingInstanceLimits</c>, <c>Capacity.InvalidInstanceLimit</c> or <c>Capacity.InvalidCniVersion</c> for bad input.
    /// </exception>
    public MaxPodsResult Calculate(MaxPodsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var instance = Resolve(request);
        var notes = new List<string>(instance.Notes);

        var enis = instance.EniLimit;
        var maxEni = request.MaxEni is >= 1 ? request.MaxEni : null;
        if (maxEni is { } cap && cap < enis)
        {
            enis = cap;
            notes.Add(Invariant($"MAX_ENI={cap} caps the ENIs from {instance.EniLimit} to {cap}."));
        }

        if (request.CustomNetworking)
        {
            // The primary ENI stays in the node's subnet and carries no pods under custom networking.
            enis = Math.Max(enis - 1, 0);
            notes.Add("Custom networking: the primary ENI carries no pods, so one ENI fewer counts.");
        }

        var mode = PrefixDelegationFor(request, instance, notes);
        var slotSize = mode == PrefixDelegationMode.Applied ? AddressesPerPrefix : 1;
        var raw = mode == PrefixDelegationMode.Applied
            ? PrefixDelegationMaxPods(enis, instance.Ipv4PerEni)
            : SecondaryIpMaxPods(enis, instance.Ipv4PerEni);
        var ceiling = CeilingFor(instance.VCpus);
        var capped = Math.Min(raw, ceiling);

        return new MaxPodsResult
        {
            InstanceType = instance.InstanceType,
            MaxPods = request.ShowMaxAllowed ? raw : capped,
            RawMaxPods = raw,
            Ceiling = ceiling,
            CappedMaxPods = capped,
            EniLimit = instance.EniLimit,
            EnisUsed = enis,
            Ipv4PerEni = instance.Ipv4PerEni,
            AddressesPerSlot = slotSize,
            PodAddressCapacity = checked(enis * (instance.Ipv4PerEni - 1) * slotSize),
            VCpus = instance.VCpus,
            VCpusDerived = instance.VCpusDerived,
            LimitsSource = instance.Source,
            CniVersion = request.CniVersion,
            CustomNetworking = request.CustomNetworking,
            MaxEni = request.MaxEni,
            ShowMaxAllowed = request.ShowMaxAllowed,
            PrefixDelegationRequested = request.PrefixDelegation,
            PrefixDelegationMode = mode,
            Notes = notes,
        };
    }

    /// <summary>Merges the table's (or the resolved) figures for the type with the explicit values of the request.</summary>
    internal ResolvedInstance Resolve(MaxPodsRequest request)
    {
        CheckRange(request.EniLimit, 1, nameof(request.EniLimit));
        CheckRange(request.Ipv4PerEni, 1, nameof(request.Ipv4PerEni));
        CheckRange(request.VCpus, 1, nameof(request.VCpus));
        var name = string.IsNullOrWhiteSpace(request.InstanceType) ? null : request.InstanceType.Trim();
        var notes = new List<string>();

        var known = request.ResolvedLimits;
        var fromEc2 = known is not null;
        name ??= known?.InstanceType;
        if (known is not null || (name is not null && _catalog.TryGet(name, out known)))
        {
            var vcpus = request.VCpus ?? known.EffectiveVCpus;
            var derived = request.VCpus is null && known.VCpusAreDerived;
            var pd = request.SupportsPrefixDelegation ?? known.SupportsPrefixDelegation;
            var overridden = (request.EniLimit is { } e && e != known.EniLimit)
                || (request.Ipv4PerEni is { } i && i != known.Ipv4PerEni)
                || (request.VCpus is { } v && v != known.EffectiveVCpus)
                || pd != known.SupportsPrefixDelegation;
            if (derived)
            {
                notes.Add(Invariant($"No published vCPU figure for {known.InstanceType}: {vcpus} derived from the size name."));
            }

            return new ResolvedInstance(
                known.InstanceType,
                request.EniLimit ?? known.EniLimit,
                request.Ipv4PerEni ?? known.Ipv4PerEni,
                vcpus,
                derived,
                pd,
                (fromEc2, overridden) switch
                {
                    (true, true) => LimitsSource.Ec2WithOverrides,
                    (true, false) => LimitsSource.Ec2,
                    (false, true) => LimitsSource.BuiltInTableWithOverrides,
                    (false, false) => LimitsSource.BuiltInTable,
                },
                notes);
        }

        if (request.EniLimit is not { } enis || request.Ipv4PerEni is not { } ips)
        {
            if (name is not null)
            {
                // Surfaces the table's own UnknownInstanceType error (NotFound).
                _catalog.Get(name);
            }

            throw new VpcCniException(
                VpcCniErrorCategory.InvalidArgument,
                ErrorIds.Capacity.MissingInstanceLimits,
                "Give an instance type from the built-in table, or both EniLimit and Ipv4PerEni (and optionally VCpus).");
        }

        var vcpu = request.VCpus ?? (name is null ? 1 : InstanceTypeLimits.DeriveVCpusFromSize(name));
        if (request.VCpus is null)
        {
            notes.Add(name is null
                ? "No vCPU figure given: the 110 ceiling applies (pass VCpus for a larger host)."
                : Invariant($"No vCPU figure given: {vcpu} derived from the size name of {name}."));
        }

        if (request.SupportsPrefixDelegation is null && request.PrefixDelegation)
        {
            notes.Add("Prefix-delegation support assumed (Nitro); pass SupportsPrefixDelegation=false for a Xen type.");
        }

        return new ResolvedInstance(
            name, enis, ips, vcpu, request.VCpus is null, request.SupportsPrefixDelegation ?? true, LimitsSource.Explicit, notes);
    }

    private static PrefixDelegationMode PrefixDelegationFor(MaxPodsRequest request, ResolvedInstance instance, List<string> notes)
    {
        if (!request.PrefixDelegation)
        {
            return PrefixDelegationMode.NotRequested;
        }

        if (request.CniVersion is { } text && ParseCniVersion(text) < FirstPrefixDelegationCni)
        {
            notes.Add(Invariant($"Prefix delegation is not applicable: CNI {text} predates 1.9.0; secondary-IP figure used."));
            return PrefixDelegationMode.NotSupportedByCniVersion;
        }

        if (!instance.SupportsPrefixDelegation)
        {
            notes.Add("Prefix delegation is not applicable: the type is neither Nitro nor bare metal; secondary-IP figure used.");
            return PrefixDelegationMode.NotSupportedByInstanceType;
        }

        return PrefixDelegationMode.Applied;
    }

    /// <summary>Reads <c>1.9</c>, <c>1.18.3</c> or <c>v1.18.3-eksbuild.1</c> as a version.</summary>
    internal static Version ParseCniVersion(string text)
    {
        var core = text.Trim().TrimStart('v', 'V');
        var cut = core.IndexOfAny(['-', '+']);
        if (cut >= 0)
        {
            core = core[..cut];
        }

        if (Version.TryParse(core, out var version) && version.Major >= 0)
        {
            return version;
        }

        throw new VpcCniException(
            VpcCniErrorCategory.InvalidArgument,
            ErrorIds.Capacity.InvalidCniVersion,
            $"CNI version '{text}' is not a version such as 1.9.0 or v1.18.3-eksbuild.1.");
    }

    private static void CheckRange(int? value, int minimum, string name)
    {
        if (value is { } v && (v < minimum || v > MaxExplicitLimit))
        {
            throw new VpcCniException(
                VpcCniErrorCategory.InvalidArgument,
                ErrorIds.Capacity.InvalidInstanceLimit,
                Invariant($"{name} {v} is outside the accepted range {minimum}–{MaxExplicitLimit}."));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
