using System.Management.Automation;
using VpcCni.Engine.Ipam.Placement;
using VpcCni.Engine.Manifests;

namespace VpcCni.PowerShell.Commands;

/// <summary>Changes the subnet and/or the security groups of an ENIConfig in the cluster (a merge patch of its spec).</summary>
[Cmdlet(VerbsCommon.Set, "VpcCniEniConfig", SupportsShouldProcess = true, DefaultParameterSetName = GroupsSet)]
[OutputType(typeof(EniConfig))]
public sealed class SetVpcCniEniConfigCommand : VpcCniEniConfigChangeCmdlet
{
    private const string SubnetSet = "Subnet";
    private const string GroupsSet = "SecurityGroup";

    /// <summary>The new subnet.</summary>
    [Parameter(Mandatory = true, ParameterSetName = SubnetSet)]
    [ValidateNotNullOrEmpty]
    public string? Subnet { get; set; }

    /// <summary>The new security groups (they replace the old ones; an empty list means the primary ENI's).</summary>
    [Parameter(ParameterSetName = SubnetSet)]
    [Parameter(Mandatory = true, ParameterSetName = GroupsSet)]
    [AllowEmptyCollection]
    public string[]? SecurityGroupId { get; set; }

    protected override void ProcessRecord()
    {
        var change = Offline(() => new Change(Subnet is null ? null : EniConfigsPerZone.ValidateSubnet(Subnet, Name),
            SecurityGroupId is null ? null : EniConfigsPerZone.ValidateSecurityGroups(SecurityGroupId)), Name);
        var what = string.Join(", ", new[] { change?.Subnet is { } s ? $"subnet {s}" : null, change?.Groups is { } g ? $"groups [{string.Join(',', g)}]" : null }.OfType<string>());
        if (change is null || !ShouldProcess($"ENIConfig {Name}", $"Set {what}"))
        {
            return;
        }

        var patched = Cluster(() => EniConfigCluster.Connect(ResolveKubeconfig(Kubeconfig), Context),
            (client, ct) => new EniConfigCluster(client).PatchAsync(Name, change.Subnet, change.Groups, ct), $"Changing ENIConfig {Name}", Name);
        if (patched is not null)
        {
            WriteObject(patched);
        }
    }

    private sealed record Change(string? Subnet, IReadOnlyList<string>? Groups);
}
