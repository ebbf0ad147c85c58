using VpcCni.Engine.Aws;

namespace VpcCni.Service.SecurityGroups;

/// <summary>
/// The host link index of an attached ENI: what the plugin needs as the parent of a branch pod's
/// VLAN link (the AddNetwork reply's <c>ParentIfIndex</c>; upstream <c>pkg/ipamd/ipamd.go</c> records
/// it for the trunk in <c>tryEnableSecurityGroupsForPods</c>).
/// </summary>
public interface IEniLinkIndex
{
    /// <summary>The link index of <paramref name="eni"/> on this host.</summary>
    Task<int> LinkIndexOfAsync(ImdsNetworkInterface eni, CancellationToken cancellationToken);
}
