using System.Net;
using System.Net.NetworkInformation;
using VpcCni.Engine.Configuration;

namespace VpcCni.Engine.Linux.Wiring;

/// <summary>A security-groups-for-pods pod on a branch ENI (upstream <c>cmd/routed-eni-cni-plugin/driver/driver.go</c> <c>SetupBranchENIPodNetwork</c>; docs/dataplane.md).</summary>
/// <param name="Pod">The pod interface; in strict mode its veth prefix is forced to <c>vlan</c>.</param>
/// <param name="VlanId">The branch ENI's VLAN id (annotation <c>vpc.amazonaws.com/pod-eni</c>).</param>
/// <param name="BranchMac">The branch ENI's MAC, given to the VLAN link.</param>
/// <param name="TrunkLinkIndex">The trunk ENI's link index on the host.</param>
/// <param name="Gateway">The branch subnet's gateway (subnet base + 1).</param>
/// <param name="Mode">Strict or standard enforcement.</param>
public sealed record BranchEniRequest(PodNetworkRequest Pod, int VlanId, PhysicalAddress BranchMac, int TrunkLinkIndex, IPAddress Gateway, PodSecurityGroupEnforcingMode Mode)
{
    /// <summary>Interface-based rules of strict mode use this priority.</summary>
    public const int StrictRulePriority = 10;

    /// <summary>The VLAN link's name, <c>vlan.eth.&lt;id&gt;</c>.</summary>
    public string VlanLink => $"vlan.eth.{VlanId}";

    /// <summary>The VLAN's table, id + 100.</summary>
    public int Table => RouteTables.ForVlan(VlanId);

    /// <summary>The pod request with the mode's veth prefix and the VLAN table.</summary>
    public PodNetworkRequest EffectivePod => Pod with
    {
        VethPrefix = Mode == PodSecurityGroupEnforcingMode.Strict ? VethNames.StrictBranchPrefix : Pod.VethPrefix,
        RouteTable = Table,
    };
}
