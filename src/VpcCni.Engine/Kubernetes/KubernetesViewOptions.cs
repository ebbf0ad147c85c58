using System.ComponentModel.DataAnnotations;

namespace VpcCni.Engine.Kubernetes;

/// <summary>What the node's Kubernetes views select and how they retry (configuration section <c>Kubernetes</c> in the service).</summary>
public sealed class KubernetesViewOptions : IValidatableObject
{
    /// <summary>This node's name (<c>MY_NODE_NAME</c>, the Node object's name): selects the Node and the pods on it.</summary>
    public string NodeName { get; set; } = string.Empty;

    /// <summary>The ConfigMap's namespace (upstream's <c>kube-system</c>).</summary>
    [Required]
    public string ConfigMapNamespace { get; set; } = "kube-system";

    /// <summary>The ConfigMap's name (upstream's <c>amazon-vpc-cni</c>).</summary>
    [Required]
    public string ConfigMapName { get; set; } = "amazon-vpc-cni";

    /// <summary>The first retry after a failure; each further one doubles, up to <see cref="MaximumBackoff"/>.</summary>
    public TimeSpan MinimumBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaximumBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the server keeps one watch open (its <c>timeoutSeconds</c>); then the view watches again from where it got to.</summary>
    public TimeSpan WatchTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How much longer than <see cref="WatchTimeout"/> the client waits before it treats a silent stream as broken.</summary>
    public TimeSpan WatchTimeoutGrace { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinimumBackoff <= TimeSpan.Zero || MaximumBackoff < MinimumBackoff)
        {
            yield return new ValidationResult("MinimumBackoff must be positive and MaximumBackoff at least MinimumBackoff.", [nameof(MinimumBackoff), nameof(MaximumBackoff)]);
        }

        if (WatchTimeout < TimeSpan.FromSeconds(1) || WatchTimeoutGrace < TimeSpan.Zero)
        {
            yield return new ValidationResult("WatchTimeout must be at least one second and WatchTimeoutGrace not negative.", [nameof(WatchTimeout), nameof(WatchTimeoutGrace)]);
        }
    }
}
