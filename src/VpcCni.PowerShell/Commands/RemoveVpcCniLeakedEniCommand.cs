using System.Management.Automation;
using VpcCni.Engine.Aws.LeakedEnis;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Deletes leaked ENIs (Find-VpcCniLeakedEni's output pipes in). Each is checked again right before
/// the delete: one attached or not made by the CNI meanwhile is left alone and reported Skipped.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "VpcCniLeakedEni", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(LeakedEniRemoval))]
public sealed class RemoveVpcCniLeakedEniCommand : VpcCniEc2Cmdlet
{
    /// <summary>The ENI ids to delete.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("EniId")]
    [ValidatePattern("^eni-[0-9a-f]+$")]
    public string[] NetworkInterfaceId { get; set; } = [];

    protected override void ProcessRecord()
    {
        foreach (var id in NetworkInterfaceId)
        {
            if (!ShouldProcess(id, "Delete leaked network interface"))
            {
                continue;
            }

            if (TryCall((c, ct) => new LeakedEniFinder(c.Api, TimeProvider.System).RemoveAsync(id, ct), $"Deleting {id}", id, out var removal) && removal is not null)
            {
                if (removal.Status == LeakedEniRemovalStatus.Skipped)
                {
                    WriteWarning($"{id}: {removal.Message}");
                }

                WriteObject(removal);
            }
        }
    }
}
