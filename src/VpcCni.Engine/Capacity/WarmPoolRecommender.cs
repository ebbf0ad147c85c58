using System.Globalization;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Capacity;

/// <summary>
/// Recommends warm-pool settings the way the VPC CNI guide's "Calculate optimal warm pool
/// settings" script does (WARM_IP_TARGET = burst + 10, MINIMUM_IP_TARGET = pods + WARM_IP_TARGET,
/// WARM_ENI_TARGET = 1), then checks the result against what the instance can actually hold.
/// </summary>
public sealed class WarmPoolRecommender
{
    /// <summary>Extra free addresses on top of the burst, as in the guide's script.</summary>
    public const int BurstBuffer = 10;

    /// <summary>Upper bound for pod counts; far above any kubelet max-pods.</summary>
    public const int MaxPodCount = 100_000;

    private readonly MaxPodsCalculator _calculator;

    public WarmPoolRecommender(MaxPodsCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        _calculator = calculator;
    }

    /// <summary>A recommender over the built-in instance-type table.</summary>
    public static WarmPoolRecommender Default { get; } = new(MaxPodsCalculator.Default);

    /// <exception cref="Errors.VpcCniException">
    /// <c>Capacity.InvalidWorkload</c> for pod counts out of range; the errors of <see cref="MaxPodsCalculator.Calculate"/>.
    /// </exception>
    public WarmPoolRecommendation Recommend(WarmPoolRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckCount(request.PodsPerNode, 1, "PodsPerNode");
        CheckCount(request.ScaleUpPods, 0, "ScaleUpPods");
        var instance = _calculator.Calculate(request.Instance with { ShowMaxAllowed = false });

        var warmIp = checked(request.ScaleUpPods + BurstBuffer);
        var minimumIp = checked(request.PodsPerNode + warmIp);
        const int warmEni = 1;
        var pd = instance.PrefixDelegationApplied;
        int? minimumPrefixes = pd ? (minimumIp + MaxPodsCalculator.AddressesPerPrefix - 1) / MaxPodsCalculator.AddressesPerPrefix : null;
        var unit = pd ? "addresses (in /28 prefixes)" : "secondary IPs";

        var reasoning = new List<string>
        {
            Invariant($"WARM_IP_TARGET = scale-up burst {request.ScaleUpPods} + buffer {BurstBuffer} = {warmIp}: a burst finds free addresses without waiting for EC2."),
            Invariant($"MINIMUM_IP_TARGET = pods per node {request.PodsPerNode} + WARM_IP_TARGET {warmIp} = {minimumIp}: the steady load plus the warm headroom is allocated up front."),
            "WARM_ENI_TARGET = 1 (ipamd's default); ipamd ignores it while WARM_IP_TARGET or MINIMUM_IP_TARGET is set.",
        };
        if (minimumPrefixes is { } prefixes)
        {
            reasoning.Add(Invariant($"With prefix delegation ipamd allocates whole /28s: MINIMUM_IP_TARGET {minimumIp} rounds up to {prefixes} prefixes ({prefixes * MaxPodsCalculator.AddressesPerPrefix} addresses)."));
        }

        reasoning.Add(Invariant($"{instance.InstanceType ?? "The instance"} holds {instance.PodAddressCapacity} pod {unit} on {instance.EnisUsed} ENIs; kubelet max pods is {instance.CappedMaxPods}."));

        var warnings = new List<string>();
        if (minimumIp > instance.PodAddressCapacity)
        {
            warnings.Add(Invariant($"MINIMUM_IP_TARGET {minimumIp} exceeds the {instance.PodAddressCapacity} pod {unit} the instance can hold; ipamd will stop at {instance.PodAddressCapacity}. Lower the burst or pods per node, enable prefix delegation, or pick a larger type."));
        }

        if (request.PodsPerNode > instance.CappedMaxPods)
        {
            warnings.Add(Invariant($"{request.PodsPerNode} pods per node exceed max pods {instance.CappedMaxPods}; kubelet will refuse the excess."));
        }
        else if (checked(request.PodsPerNode + request.ScaleUpPods) > instance.CappedMaxPods)
        {
            warnings.Add(Invariant($"Pods per node plus the burst ({request.PodsPerNode + request.ScaleUpPods}) exceed max pods {instance.CappedMaxPods}; part of a burst must go to other nodes."));
        }

        return new WarmPoolRecommendation
        {
            InstanceType = instance.InstanceType,
            PodsPerNode = request.PodsPerNode,
            ScaleUpPods = request.ScaleUpPods,
            WarmIpTarget = warmIp,
            MinimumIpTarget = minimumIp,
            WarmEniTarget = warmEni,
            PrefixDelegation = pd,
            MinimumPrefixes = minimumPrefixes,
            MaxPods = instance.CappedMaxPods,
            PodAddressCapacity = instance.PodAddressCapacity,
            Warnings = warnings,
            Reasoning = reasoning,
            ConfigMapData = Settings(warmIp, minimumIp, warmEni, pd, "warm-ip-target", "minimum-ip-target", "warm-eni-target", "enable-prefix-delegation"),
            EnvironmentVariables = Settings(warmIp, minimumIp, warmEni, pd, "WARM_IP_TARGET", "MINIMUM_IP_TARGET", "WARM_ENI_TARGET", "ENABLE_PREFIX_DELEGATION"),
            Instance = instance,
        };
    }

    private static Dictionary<string, string> Settings(int warmIp, int minimumIp, int warmEni, bool pd, string warmKey, string minKey, string eniKey, string pdKey)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [warmKey] = warmIp.ToString(CultureInfo.InvariantCulture),
            [minKey] = minimumIp.ToString(CultureInfo.InvariantCulture),
            [eniKey] = warmEni.ToString(CultureInfo.InvariantCulture),
        };
        if (pd)
        {
            settings[pdKey] = "true";
        }

        return settings;
    }

    private static void CheckCount(int value, int minimum, string name)
    {
        if (value < minimum || value > MaxPodCount)
        {
            throw new VpcCniException(
                VpcCniErrorCategory.InvalidArgument,
                ErrorIds.Capacity.InvalidWorkload,
                Invariant($"{name} {value} is outside the accepted range {minimum}–{MaxPodCount}."));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
