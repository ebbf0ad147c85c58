using System.Management.Automation;
using VpcCni.Engine.Aws.LeakedEnis;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Finds the ENIs the CNI created and lost: <c>available</c>, described <c>aws-K8S-…</c>, tagged
/// <c>node.k8s.amazonaws.com/instance_id</c>, and either of an instance that is gone or older than the
/// grace period (the node service's own rule, <see cref="LeakedEniRule"/>; docs/service.md, "Leaked-ENI cleanup").
/// </summary>
[Cmdlet(VerbsCommon.Find, "VpcCniLeakedEni")]
[OutputType(typeof(LeakedEni))]
public sealed class FindVpcCniLeakedEniCommand : VpcCniEc2Cmdlet
{
    /// <summary>Only ENIs tagged <c>cluster.k8s.amazonaws.com/name</c> with this value (upstream writes it when CLUSTER_NAME is set).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? ClusterName { get; set; }

    /// <summary>Only ENIs created for this instance.</summary>
    [Parameter]
    [ValidatePattern("^i-[0-9a-f]+$")]
    public string? InstanceId { get; set; }

    /// <summary>Only ENIs in this VPC.</summary>
    [Parameter]
    [ValidatePattern("^vpc-[0-9a-f]+$")]
    public string? VpcId { get; set; }

    /// <summary>An ENI of a live instance younger than this is left out (default 5 minutes, upstream's eniDeleteCooldownTime).</summary>
    [Parameter]
    public TimeSpan GracePeriod { get; set; } = LeakedEniRule.DefaultGracePeriod;

    protected override void ProcessRecord()
    {
        var criteria = new LeakedEniCriteria { ClusterName = ClusterName, InstanceId = InstanceId, VpcId = VpcId, GracePeriod = GracePeriod };
        if (TryCall(
            (c, ct) => new LeakedEniFinder(c.Api, TimeProvider.System, c.Region, EndpointUrl).FindAsync(criteria, ct),
            "Listing available ENIs and their instances",
            ClusterName,
            out var found))
        {
            WriteObject(found, enumerateCollection: true);
        }
    }
}
