using System.Management.Automation;

namespace VpcCni.PowerShell.Commands;

/// <summary>The cmdlets that work on a cluster (parameter set <c>Cluster</c>, the default) or on manifest files instead.</summary>
public abstract class VpcCniClusterOrFileCmdlet : VpcCniClusterCmdlet
{
    /// <summary>The parameter set that talks to a cluster.</summary>
    protected const string ClusterSet = "Cluster";

    /// <summary>The kubeconfig; kubectl's default (KUBECONFIG, ~/.kube/config) when omitted.</summary>
    [Parameter(ParameterSetName = ClusterSet)]
    [ValidateNotNullOrEmpty]
    public string? Kubeconfig { get; set; }

    /// <summary>A context of the kubeconfig other than its current one.</summary>
    [Parameter(ParameterSetName = ClusterSet)]
    [ArgumentCompleter(typeof(KubeContextCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Context { get; set; }
}
