using System.Management.Automation;
using System.Security.Cryptography;
using VpcCni.Engine.Errors;
using VpcCni.Engine.PodAddresses;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Asks a node for a pod address as the CNI plugin's ADD does (AddNetwork on the IPAM socket), without
/// creating a network namespace: for rehearsing a node's pool, e.g. against Start-VpcCniSimulation.
/// </summary>
[Cmdlet(VerbsCommon.Add, "VpcCniPodAddress", SupportsShouldProcess = true)]
[OutputType(typeof(PodAddress))]
public sealed class AddVpcCniPodAddressCommand : VpcCniPodAddressCmdlet
{
    /// <summary>The pods to add; each gets its own address.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] PodName { get; set; } = [];

    /// <summary>The sandbox's container id; generated (64 hex digits, as runtimes make them) when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? ContainerId { get; set; }

    protected override void ProcessRecord()
    {
        if (ContainerId is not null && PodName.Length > 1)
        {
            ReportError(new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.PodAddress.SharedContainerId,
                $"-ContainerId names one sandbox, but {PodName.Length} pods were given; leave it out to generate one per pod."), ContainerId);
            return;
        }

        foreach (var pod in PodName)
        {
            var container = ContainerId ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            if (ShouldProcess($"{Namespace}/{pod} on {IpamSocket}", "Assign a pod address"))
            {
                Call(pod, (client, ct) => client.AddAsync(Namespace, pod, container, ct), "Assigning an address to", write: true);
            }
        }
    }
}
