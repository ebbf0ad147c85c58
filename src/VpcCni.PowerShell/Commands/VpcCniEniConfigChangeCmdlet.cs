using System.Management.Automation;

namespace VpcCni.PowerShell.Commands;

/// <summary>The cmdlets that change one named ENIConfig in a cluster (Set-, Remove-VpcCniEniConfig).</summary>
public abstract class VpcCniEniConfigChangeCmdlet : VpcCniClusterCmdlet
{
    /// <summary>The ENIConfig; binds from <c>Name</c> (Get-VpcCniEniConfig).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>The kubeconfig; kubectl's default (KUBECONFIG, ~/.kube/config) when omitted.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Kubeconfig { get; set; }

    /// <summary>A context of the kubeconfig other than its current one.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(KubeContextCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Context { get; set; }
}
