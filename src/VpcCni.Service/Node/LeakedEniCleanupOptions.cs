using System.ComponentModel.DataAnnotations;

namespace VpcCni.Service.Node;

/// <summary>
/// Timing of the leaked-ENI cleanup (configuration section <c>LeakedEniCleanup</c>). The defaults
/// follow upstream <c>pkg/awsutils/awsutils.go</c> (<c>cleanUpLeakedENIs</c> runs about a minute after
/// start and then hourly; <c>eniDeleteCooldownTime</c> is 5 minutes). <c>DISABLE_LEAKED_ENI_CLEANUP</c>
/// switches the cleanup off.
/// </summary>
public sealed class LeakedEniCleanupOptions : IValidatableObject
{
    /// <summary>The configuration section bound to this class.</summary>
    public const string SectionName = "LeakedEniCleanup";

    /// <summary>Wait before the first run, to which a random part of <see cref="Jitter"/> is added.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Time between two runs, to which a random part of <see cref="Jitter"/> is added.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Upper bound of the random delay added to each wait, so that nodes started together do not call EC2 together.</summary>
    public TimeSpan Jitter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>An available ENI younger than this (by its <c>node.k8s.amazonaws.com/createdAt</c> tag) may still be on its way to being attached.</summary>
    public TimeSpan MinimumAge { get; set; } = TimeSpan.FromMinutes(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (InitialDelay < TimeSpan.Zero)
        {
            yield return new ValidationResult($"LeakedEniCleanup:InitialDelay {InitialDelay} is negative; it must be 0 or more.", [nameof(InitialDelay)]);
        }

        if (Interval <= TimeSpan.Zero)
        {
            yield return new ValidationResult($"LeakedEniCleanup:Interval {Interval} must be positive.", [nameof(Interval)]);
        }

        if (Jitter < TimeSpan.Zero || Jitter > TimeSpan.FromMilliseconds(int.MaxValue))
        {
            yield return new ValidationResult($"LeakedEniCleanup:Jitter {Jitter} must be between 0 and {TimeSpan.FromMilliseconds(int.MaxValue)}.", [nameof(Jitter)]);
        }

        if (MinimumAge < TimeSpan.Zero)
        {
            yield return new ValidationResult($"LeakedEniCleanup:MinimumAge {MinimumAge} is negative; it must be 0 or more.", [nameof(MinimumAge)]);
        }
    }
}
