using System.Globalization;
using System.Net;
using System.Net.Sockets;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Capacity;

/// <summary>
/// Plans pod subnets (the VPC CNI guide's "Subnet Planning": pods per node × nodes per AZ × growth
/// factor against each AZ's subnet), accounting for the 5 addresses AWS reserves in every subnet
/// and, with prefix delegation, for the aligned /28 blocks EC2 can carve prefixes from.
/// </summary>
public sealed class SubnetPlanner
{
    /// <summary>Addresses AWS reserves per subnet: the first four and the last (VPC user guide, "Subnet CIDR blocks").</summary>
    public const int ReservedAddressesPerSubnet = 5;

    /// <summary>The largest VPC subnet.</summary>
    public const int MinimumPrefixLength = 16;

    /// <summary>The smallest VPC subnet, and the size of one delegated prefix.</summary>
    public const int MaximumPrefixLength = 28;

    /// <summary>AZs assumed when only a prefix length is given.</summary>
    public const int DefaultAvailabilityZoneCount = 3;

    private const int MaxNodesPerAz = 100_000;
    private const int MaxAvailabilityZones = 64;
    private const decimal MaxGrowthFactor = 100m;
    private readonly MaxPodsCalculator _calculator;

    public SubnetPlanner(MaxPodsCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        _calculator = calculator;
    }

    /// <summary>A planner over the built-in instance-type table.</summary>
    public static SubnetPlanner Default { get; } = new(MaxPodsCalculator.Default);

    /// <summary>Parses an IPv4 subnet CIDR such as <c>10.0.16.0/20</c>.</summary>
    /// <exception cref="VpcCniException"><c>Capacity.InvalidSubnetCidr</c> or <c>Capacity.InvalidSubnetPrefixLength</c>.</exception>
    public static IPNetwork ParseCidr(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);

        // IPNetwork.TryParse masks host bits away; a subnet given as 10.0.16.5/20 is a typo we report.
        if (!IPNetwork.TryParse(trimmed, out var network)
            || network.BaseAddress.AddressFamily != AddressFamily.InterNetwork
            || !IPAddress.TryParse(trimmed.AsSpan(0, slash), out var given)
            || !given.Equals(network.BaseAddress))
        {
            throw new VpcCniException(
                VpcCniErrorCategory.InvalidArgument,
                ErrorIds.Capacity.InvalidSubnetCidr,
                $"'{text}' is not an IPv4 subnet CIDR such as 10.0.16.0/20 (the address must be the network's first address).");
        }

        CheckPrefixLength(network.PrefixLength);
        return network;
    }

    /// <exception cref="VpcCniException">
    /// <c>Capacity.InvalidWorkload</c>, <c>Capacity.InvalidSubnetPrefixLength</c>, or the errors of <see cref="MaxPodsCalculator.Calculate"/>.
    /// </exception>
    public SubnetPlan Plan(SubnetPlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        MaxPodsResult? instance = request.Instance is null ? null : _calculator.Calculate(request.Instance with { ShowMaxAllowed = false });
        var pods = request.PodsPerNode ?? instance?.MaxPods ?? throw Invalid("Give PodsPerNode or an instance type whose max pods stands in for it.");
        Check(pods is >= 1 and <= WarmPoolRecommender.MaxPodCount, Invariant($"PodsPerNode {pods} is outside the accepted range 1–{WarmPoolRecommender.MaxPodCount}."));
        Check(request.NodesPerAz is >= 1 and <= MaxNodesPerAz, Invariant($"NodesPerAz {request.NodesPerAz} is outside the accepted range 1–{MaxNodesPerAz}."));
        Check(request.GrowthFactor > 0m && request.GrowthFactor <= MaxGrowthFactor, Invariant($"GrowthFactor {request.GrowthFactor} is outside the accepted range (0, {MaxGrowthFactor}]."));

        var pd = instance?.PrefixDelegationApplied ?? request.PrefixDelegation;
        var required = CeilingOf(pods * (decimal)request.NodesPerAz * request.GrowthFactor);
        int? blocksPerNode = pd ? (pods + MaxPodsCalculator.AddressesPerPrefix - 1) / MaxPodsCalculator.AddressesPerPrefix : null;
        long? blocksNeeded = blocksPerNode is { } b ? CeilingOf(b * (decimal)request.NodesPerAz * request.GrowthFactor) : null;

        var subnets = Subnets(request).Select(s => Entry(s.Name, s.PrefixLength, required, blocksNeeded)).ToList();
        var fits = subnets.TrueForAll(s => s.Fits);
        var headroom = subnets.Min(s => s.PrefixBlockHeadroom ?? s.Headroom);
        var recommended = SmallestFitting(required, blocksNeeded);
        var notes = new List<string>();
        if (instance is not null)
        {
            notes.AddRange(instance.Notes);
            if (request.PodsPerNode is null)
            {
                notes.Add(Invariant($"Pods per node taken from the max pods of {instance.InstanceType ?? "the instance"}: {instance.MaxPods}."));
            }
        }

        if (pd)
        {
            notes.Add("Prefix delegation needs free, contiguous, aligned /28 blocks; secondary IPs and other ENIs scattered in the subnet fragment it further, so keep headroom or use a dedicated pod subnet (or /28 subnet CIDR reservations).");
        }

        return new SubnetPlan
        {
            InstanceType = instance?.InstanceType,
            PodsPerNode = pods,
            NodesPerAz = request.NodesPerAz,
            GrowthFactor = request.GrowthFactor,
            AvailabilityZoneCount = subnets.Count,
            PrefixDelegation = pd,
            RequiredAddressesPerAz = required,
            RequiredAddressesTotal = checked(required * subnets.Count),
            TotalAddresses = subnets.Sum(s => s.Addresses),
            TotalUsableAddresses = subnets.Sum(s => s.UsableAddresses),
            PrefixBlocksPerNode = blocksPerNode,
            Fits = fits,
            MinimumHeadroom = headroom,
            RecommendedPrefixLength = recommended,
            Recommendation = Recommend(fits, headroom, pd, recommended),
            Subnets = subnets,
            Notes = notes,
        };
    }

    private static IEnumerable<(string Name, int PrefixLength)> Subnets(SubnetPlanRequest request)
    {
        if (request.Cidrs is { Count: > 0 } cidrs)
        {
            foreach (var cidr in cidrs)
            {
                CheckPrefixLength(cidr.PrefixLength);
            }

            return cidrs.Select(c => (c.ToString(), c.PrefixLength));
        }

        var length = request.PrefixLength ?? throw Invalid("Give a subnet prefix length (such as 20) or one CIDR per AZ.");
        CheckPrefixLength(length);
        var zones = request.AvailabilityZoneCount ?? DefaultAvailabilityZoneCount;
        Check(zones is >= 1 and <= MaxAvailabilityZones, Invariant($"AvailabilityZoneCount {zones} is outside the accepted range 1–{MaxAvailabilityZones}."));
        return Enumerable.Repeat(("/" + length.ToString(CultureInfo.InvariantCulture), length), zones);
    }

    private static SubnetPlanEntry Entry(string name, int prefixLength, long required, long? blocksNeeded)
    {
        var addresses = 1L << (32 - prefixLength);
        var usable = addresses - ReservedAddressesPerSubnet;
        var blocks = 1L << (MaximumPrefixLength - prefixLength);

        // The reserved first four addresses spoil the first /28 and the broadcast the last; in a /28 they are the same block.
        var lost = Math.Min(blocks, 2);
        var whole = blocks - lost;
        var fits = blocksNeeded is { } needed ? needed <= whole : required <= usable;
        return new SubnetPlanEntry
        {
            Subnet = name,
            PrefixLength = prefixLength,
            Addresses = addresses,
            UsableAddresses = usable,
            RequiredAddresses = required,
            Headroom = usable - required,
            WholePrefixBlocks = whole,
            PrefixBlocksLostToReservedAddresses = lost,
            PrefixBlocksNeeded = blocksNeeded,
            PrefixBlockHeadroom = whole - blocksNeeded,
            Fits = fits,
        };
    }

    private static int? SmallestFitting(long required, long? blocksNeeded)
    {
        for (var length = MaximumPrefixLength; length >= MinimumPrefixLength; length--)
        {
            if (Entry(string.Empty, length, required, blocksNeeded).Fits)
            {
                return length;
            }
        }

        return null;
    }

    private static string Recommend(bool fits, long headroom, bool pd, int? recommended)
    {
        var unit = pd ? "whole /28 blocks" : "addresses";
        var smallest = recommended is { } r ? Invariant($"/{r} per AZ is the smallest subnet that holds it") : "no single subnet up to /16 holds it";
        return fits
            ? Invariant($"Fits, with at least {headroom} {unit} to spare per AZ; {smallest}.")
            : recommended is null
                ? Invariant($"Does not fit: short by {-headroom} {unit} in an AZ, and {smallest}; spread the nodes over more subnets (ENIConfig per AZ) or more AZs.")
                : Invariant($"Does not fit: short by {-headroom} {unit} in an AZ; {smallest}.");
    }

    private static long CeilingOf(decimal value) => checked((long)decimal.Ceiling(value));

    private static void CheckPrefixLength(int length)
    {
        if (length is < MinimumPrefixLength or > MaximumPrefixLength)
        {
            throw new VpcCniException(
                VpcCniErrorCategory.InvalidArgument,
                ErrorIds.Capacity.InvalidSubnetPrefixLength,
                Invariant($"Subnet prefix length /{length} is outside the accepted range /{MinimumPrefixLength}–/{MaximumPrefixLength} (the sizes a VPC subnet may have)."));
        }
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw Invalid(message);
        }
    }

    private static VpcCniException Invalid(string message) =>
        new(VpcCniErrorCategory.InvalidArgument, ErrorIds.Capacity.InvalidWorkload, message);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
