namespace VpcCni.Engine.SecurityGroups;

/// <summary>What a SecurityGroupPolicy is evaluated against: a pod and its service account.</summary>
/// <param name="Namespace">The pod's namespace.</param>
/// <param name="PodName">The pod's name.</param>
/// <param name="PodLabels">The pod's labels.</param>
/// <param name="ServiceAccountName">The pod's <c>spec.serviceAccountName</c> (<c>default</c> when the pod names none).</param>
/// <param name="ServiceAccountLabels">The labels of that service account.</param>
/// <param name="ServiceAccountFound">False when the service account could not be read, so its labels are taken as none.</param>
public sealed record SecurityGroupPolicySubject(
    string Namespace,
    string PodName,
    IReadOnlyDictionary<string, string> PodLabels,
    string ServiceAccountName,
    IReadOnlyDictionary<string, string> ServiceAccountLabels,
    bool ServiceAccountFound = true)
{
    /// <summary>The service account a pod that names none runs as.</summary>
    public const string DefaultServiceAccount = "default";
}
