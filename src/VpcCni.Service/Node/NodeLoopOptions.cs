using System.ComponentModel.DataAnnotations;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Planning;

namespace VpcCni.Service.Node;

/// <summary>
/// Node initialisation and the warm-pool loop (configuration section <c>NodeLoop</c>). The defaults
/// are upstream ipamd's (<c>pkg/ipamd/ipamd.go</c>: <c>ipPoolMonitorInterval</c>,
/// <c>insufficientCidrErrorCooldown</c>, <c>decreaseIPPoolInterval</c>; <c>pkg/ipamd/datastore/data_store.go</c>:
/// <c>minENILifeTime</c>); tests shorten them.
/// </summary>
public sealed class NodeLoopOptions : IValidatableObject
{
    /// <summary>The configuration section bound to this class.</summary>
    public const string SectionName = "NodeLoop";

    /// <summary>
    /// Initialise the node from instance metadata and EC2 and run the pool loop. Off only for hosts
    /// whose datastore is filled by the embedding code (tests of the gRPC edge).
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between two pool ticks (upstream 5 s).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long growth pauses after EC2 answers <c>InsufficientCidrBlocks</c> or
    /// <c>InsufficientFreeAddressesInSubnet</c> (upstream 120 s).
    /// </summary>
    public TimeSpan InsufficientAddressCooldown { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>The least time between two releases of surplus addresses or prefixes (upstream 30 s).</summary>
    public TimeSpan DecreaseInterval { get; set; } = WarmPoolPlanner.DecreaseInterval;

    /// <summary>An attached ENI younger than this is not freed (upstream 60 s).</summary>
    public TimeSpan MinimumEniLifetime { get; set; } = EniDeletability.MinimumEniLifetime;

    /// <summary>
    /// The Node's pod capacity the pool stops growing at. Upstream reads it from the Node object
    /// (<c>status.capacity.pods</c>) and falls back to 110 without an API server.
    /// </summary>
    [Range(1, 65_535)]
    public int MaxPods { get; set; } = 110;

    /// <summary>
    /// How long an AddNetwork that finds no free address waits for the pool to grow before it answers
    /// <c>Success=false</c> (ours; docs/service.md, "AddNetwork"). The call wakes the loop at once and
    /// never waits past its gRPC deadline. 0 answers at once, as upstream does.
    /// </summary>
    public TimeSpan AddNetworkWait { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Interval <= TimeSpan.Zero)
        {
            yield return new ValidationResult($"NodeLoop:Interval {Interval} must be positive.", [nameof(Interval)]);
        }

        if (AddNetworkWait < TimeSpan.Zero)
        {
            yield return new ValidationResult($"NodeLoop:AddNetworkWait {AddNetworkWait} is negative; it must be 0 or more.", [nameof(AddNetworkWait)]);
        }

        if (InsufficientAddressCooldown < TimeSpan.Zero)
        {
            yield return new ValidationResult(
                $"NodeLoop:InsufficientAddressCooldown {InsufficientAddressCooldown} is negative; it must be 0 or more.", [nameof(InsufficientAddressCooldown)]);
        }

        if (DecreaseInterval < TimeSpan.Zero)
        {
            yield return new ValidationResult($"NodeLoop:DecreaseInterval {DecreaseInterval} is negative; it must be 0 or more.", [nameof(DecreaseInterval)]);
        }

        if (MinimumEniLifetime < TimeSpan.Zero)
        {
            yield return new ValidationResult($"NodeLoop:MinimumEniLifetime {MinimumEniLifetime} is negative; it must be 0 or more.", [nameof(MinimumEniLifetime)]);
        }
    }
}
