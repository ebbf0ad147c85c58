using System.ComponentModel.DataAnnotations;

namespace VpcCni.Service.Kubernetes;

/// <summary>
/// Whether and how the service reads the cluster (configuration section <c>Kubernetes</c>;
/// docs/kubernetes.md). The views' own settings (node name, ConfigMap, back-off) bind from the same
/// section into <see cref="Engine.Kubernetes.KubernetesViewOptions"/>.
/// </summary>
public sealed class KubernetesApiOptions : IValidatableObject
{
    /// <summary>The configuration section bound to this class.</summary>
    public const string SectionName = "Kubernetes";

    /// <summary>
    /// True: use the API server (fails at start without a kubeconfig or in-cluster account). False: never.
    /// Null (the default): use it when <see cref="Kubeconfig"/> (or <c>KUBECONFIG</c>) names a file or the
    /// process runs in a pod. <c>run --simulate</c> sets false unless the command line says otherwise.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>The kubeconfig file; when empty, the <c>KUBECONFIG</c> variable's (first) path.</summary>
    public string? Kubeconfig { get; set; }

    /// <summary>How long start waits for the first read of the ConfigMap before binding settings without it.</summary>
    public TimeSpan InitialSyncTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (InitialSyncTimeout < TimeSpan.Zero || InitialSyncTimeout > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationResult($"{SectionName}:InitialSyncTimeout must be between 0 and 10 minutes.", [nameof(InitialSyncTimeout)]);
        }
    }
}
