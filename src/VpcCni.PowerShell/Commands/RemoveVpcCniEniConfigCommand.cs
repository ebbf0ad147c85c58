using System.Management.Automation;
using VpcCni.Engine.Manifests;

namespace VpcCni.PowerShell.Commands;

/// <summary>Deletes an ENIConfig from the cluster. Nodes that name it get no new ENI until one exists again.</summary>
[Cmdlet(VerbsCommon.Remove, "VpcCniEniConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveVpcCniEniConfigCommand : VpcCniEniConfigChangeCmdlet
{
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
