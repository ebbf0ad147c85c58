using System.Management.Automation;
using VpcCni.Engine.Manifests;

namespace VpcCni.PowerShell.Commands;

/// <summary>Deletes an ENIConfig from the cluster. Nodes that name it get no new ENI until one exists again.</summary>
[Cmdlet(VerbsCommon.Remove, "VpcCniEniConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveVpcCniEniConfigCommand : VpcCniClusterCmdlet
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

    protected override void ProcessRecord()
    {
        if (ShouldProcess($"ENIConfig {Name}", "Remove"))
        {
            Cluster(() => EniConfigCluster.Connect(ResolveKubeconfig(Kubeconfig), Context),
                async (client, ct) =>
                {
                    await new EniConfigCluster(client).DeleteAsync(Name, ct).ConfigureAwait(false);
                    return Name;
                }, $"Removing ENIConfig {Name}", Name);
        }
    }
}
