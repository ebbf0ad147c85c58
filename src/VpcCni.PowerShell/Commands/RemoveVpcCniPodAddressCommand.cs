using System.Management.Automation;
using VpcCni.Engine.PodAddresses;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Gives a pod's address back to a node as the CNI plugin's DEL does (DelNetwork on the IPAM socket); the
/// address goes into cooldown. A pod the node does not know succeeds, as DEL must (CNI spec, "DEL").
/// </summary>
[Cmdlet(VerbsCommon.Remove, "VpcCniPodAddress", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PodAddress))]
public sealed class RemoveVpcCniPodAddressCommand : VpcCniPodAddressCmdlet
{
    /// <summary>The pod.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string PodName { get; set; } = string.Empty;

    /// <summary>The sandbox's container id the address was added with (the node's key).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ContainerId { get; set; } = string.Empty;

    /// <summary>Write the released address (null Address when the node held none) to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (ShouldProcess($"{Namespace}/{PodName} ({ContainerId}) on {IpamSocket}", "Release the pod address"))
        {
            Call(PodName, (client, ct) => client.RemoveAsync(Namespace, PodName, ContainerId, ct), "Releasing the address of", write: PassThru);
        }
    }
}
