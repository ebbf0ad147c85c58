using System.ComponentModel.DataAnnotations;

namespace VpcCni.Service.Cluster;

/// <summary>
/// What the service writes to the cluster and how patiently (configuration section <c>Cluster</c>;
/// docs/kubernetes.md, "What it writes"). Only used while the service uses the Kubernetes API.
/// </summary>
public sealed class ClusterWriteOptions : IValidatableObject
{
    /// <summary>The configuration section bound to this class.</summary>
    public const string SectionName = "Cluster";

    /// <summary>
    /// The service's own pod, which its Events are about; empty: <c>MY_POD_NAME</c> (upstream's DaemonSet
    /// sets it from <c>metadata.name</c>). Without a pod (a host install) Events are about the Node.
    /// </summary>
    public string PodName { get; set; } = string.Empty;

    /// <summary>The namespace of <see cref="PodName"/>; empty: <c>MY_POD_NAMESPACE</c>, else <c>kube-system</c>.</summary>
    public string PodNamespace { get; set; } = string.Empty;

    /// <summary>
    /// At most one <c>MissingIAMPermissions</c> Event per EC2 action in this time; the denials in between
    /// are counted into the next Event's <c>count</c>. The pool loop retries every tick, so without a
    /// limit a missing permission would post an Event every 5 s.
    /// </summary>
    public TimeSpan EventInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long AddNetwork and DelNetwork wait for the <c>vpc.amazonaws.com/pod-ips</c> patch before they
    /// answer; a slower patch finishes in the background (<see cref="WriteTimeout"/>).
    /// </summary>
    public TimeSpan AnnotationWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one write (a patch or an Event) may take before it is given up and logged.</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EventInterval <= TimeSpan.Zero || EventInterval > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult($"Cluster:EventInterval must be more than 0 and at most a day (it is {EventInterval}).", [nameof(EventInterval)]);
        }

        if (AnnotationWait < TimeSpan.Zero || AnnotationWait > TimeSpan.FromSeconds(30))
        {
            yield return new ValidationResult($"Cluster:AnnotationWait must be 0 to 30 seconds (it is {AnnotationWait}); it delays every ADD and DEL.", [nameof(AnnotationWait)]);
        }

        if (WriteTimeout <= TimeSpan.Zero || WriteTimeout > TimeSpan.FromMinutes(5))
        {
            yield return new ValidationResult($"Cluster:WriteTimeout must be more than 0 and at most 5 minutes (it is {WriteTimeout}).", [nameof(WriteTimeout)]);
        }
    }
}
