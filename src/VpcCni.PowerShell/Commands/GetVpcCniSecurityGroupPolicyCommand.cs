using System.Collections;
using System.Management.Automation;
using VpcCni.Engine.Manifests;
using VpcCni.Engine.SecurityGroups;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Which SecurityGroupPolicies select a pod and why, as the VPC resource controller decides
/// (docs/security-groups-for-pods.md): from the cluster, or offline from manifest files and the labels given.
/// </summary>
[Cmdlet(VerbsCommon.Get, "VpcCniSecurityGroupPolicy", DefaultParameterSetName = ClusterSet)]
[OutputType(typeof(SecurityGroupPolicyMatch))]
public sealed class GetVpcCniSecurityGroupPolicyCommand : VpcCniClusterOrFileCmdlet
{
    private const string PathSet = "Path";

    /// <summary>The pod's name; binds from <c>PodName</c> (Get-VpcCniPod).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("PodName")]
    [ValidateNotNullOrEmpty]
    public string Pod { get; set; } = string.Empty;

    /// <summary>The pod's namespace; binds from <c>PodNamespace</c>.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("PodNamespace")]
    [ValidateNotNullOrEmpty]
    public string Namespace { get; set; } = "default";

    /// <summary>Manifest files or directories holding the SecurityGroupPolicies (offline).</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    /// <summary>The pod's labels (offline).</summary>
    [Parameter(ParameterSetName = PathSet)]
    public Hashtable? PodLabel { get; set; }

    /// <summary>The pod's service account (offline); <c>default</c> when omitted.</summary>
    [Parameter(ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string ServiceAccount { get; set; } = SecurityGroupPolicySubject.DefaultServiceAccount;

    /// <summary>The service account's labels (offline).</summary>
    [Parameter(ParameterSetName = PathSet)]
    public Hashtable? ServiceAccountLabel { get; set; }

    protected override void ProcessRecord()
    {
        var target = $"{Namespace}/{Pod}";
        var evaluation = ParameterSetName == PathSet
            ? Offline(() => SecurityGroupPolicyEvaluator.Evaluate(
                SecurityGroupPolicyManifestReader.ReadPaths(Path.Select(GetUnresolvedProviderPathFromPSPath), Namespace),
                new SecurityGroupPolicySubject(Namespace, Pod, Labels(PodLabel), ServiceAccount, Labels(ServiceAccountLabel))), target)
            : Cluster(() => SecurityGroupPolicyCluster.Connect(ResolveKubeconfig(Kubeconfig), Context),
                (client, ct) => new SecurityGroupPolicyCluster(client).EvaluatePodAsync(Namespace, Pod, ct), $"Reading pod {target} and its policies", target);
        if (evaluation is not null)
        {
            WriteObject(evaluation.Matches, enumerateCollection: true);
        }
    }

    private static Dictionary<string, string> Labels(Hashtable? labels) =>
        labels?.Cast<DictionaryEntry>().ToDictionary(e => e.Key.ToString() ?? string.Empty, e => e.Value?.ToString() ?? string.Empty, StringComparer.Ordinal)
        ?? new Dictionary<string, string>(StringComparer.Ordinal);
}
