using System.ComponentModel.DataAnnotations;
using VpcCni.Engine.Ipam.Checkpoint;

namespace VpcCni.Service.Hosting;

/// <summary>
/// The IPAM datastore of network card 0 (configuration section <c>Datastore</c>): where it
/// checkpoints and how it hands out addresses.
/// </summary>
public sealed class DatastoreOptions : IValidatableObject
{
    /// <summary>The configuration section bound to this class.</summary>
    public const string SectionName = "Datastore";

    /// <summary>The checkpoint file, default <c>/var/run/aws-node/ipam.json</c> (upstream's backing store).</summary>
    [Required]
    public string CheckpointPath { get; set; } = CheckpointPaths.DefaultPath;

    /// <summary>
    /// Whether a checkpoint write also fsyncs (<see cref="CheckpointDurability.Durable"/>, the default)
    /// or only replaces the file atomically (<see cref="CheckpointDurability.Atomic"/>); see
    /// docs/service.md, "Checkpoint durability".
    /// </summary>
    public CheckpointDurability CheckpointDurability { get; set; } = CheckpointDurability.Durable;

    /// <summary>How long a released address stays out of use (upstream <c>IP_COOLDOWN_PERIOD</c>, 30 s).</summary>
    public TimeSpan CooldownPeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Hand out addresses from /28 prefixes instead of /32 secondary IPs.</summary>
    public bool PrefixDelegation { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(CheckpointPath) && !Path.IsPathFullyQualified(CheckpointPath))
        {
            yield return new ValidationResult($"Datastore:CheckpointPath '{CheckpointPath}' must be an absolute path.", [nameof(CheckpointPath)]);
        }

        if (!Enum.IsDefined(CheckpointDurability))
        {
            yield return new ValidationResult($"Datastore:CheckpointDurability '{CheckpointDurability}' must be Atomic or Durable.", [nameof(CheckpointDurability)]);
        }

        if (CooldownPeriod < TimeSpan.Zero)
        {
            yield return new ValidationResult($"Datastore:CooldownPeriod {CooldownPeriod} is negative; it must be 0 or more.", [nameof(CooldownPeriod)]);
        }
    }
}
