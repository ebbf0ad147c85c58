using System.ComponentModel.DataAnnotations;

namespace VpcCni.Service.Node;

/// <summary>
/// How often the pool loop compares the datastore with instance metadata and EC2 (configuration
/// section <c>NodeReconcile</c>); upstream <c>pkg/ipamd/ipamd.go</c> runs <c>nodeIPPoolReconcile</c>
/// about once a minute from its pool manager.
/// </summary>
public sealed class NodeReconcileOptions : IValidatableObject
{
    /// <summary>The configuration section bound to this class.</summary>
    public const string SectionName = "NodeReconcile";

    /// <summary>Time between two reconciliations; checked at each pool tick, so it is at least the pool interval.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// For this long after the pool released an address or prefix, reconciliation does not add it back even when
    /// EC2 still lists it on the ENI: EC2's reads may lag its writes (upstream <c>ipReconcileCooldown</c>, 60 s).
    /// </summary>
    public TimeSpan ReleasedCidrCooldown { get; set; } = TimeSpan.FromSeconds(60);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Interval <= TimeSpan.Zero)
        {
            yield return new ValidationResult($"NodeReconcile:Interval {Interval} must be positive.", [nameof(Interval)]);
        }

        if (ReleasedCidrCooldown < TimeSpan.Zero)
        {
            yield return new ValidationResult(
                $"NodeReconcile:ReleasedCidrCooldown {ReleasedCidrCooldown} is negative; it must be 0 or more.", [nameof(ReleasedCidrCooldown)]);
        }
    }
}
