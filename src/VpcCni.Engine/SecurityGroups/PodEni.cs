using System.Net;
using System.Net.NetworkInformation;

namespace VpcCni.Engine.SecurityGroups;

/// <summary>
/// One entry of a pod's <c>vpc.amazonaws.com/pod-eni</c> annotation: the branch ENI the VPC resource
/// controller attached for the pod (upstream <c>pkg/ipamd/rpc_handler.go</c>, <c>PodENIData</c>).
/// </summary>
/// <param name="EniId"><c>eniId</c>: the branch ENI.</param>
/// <param name="Mac"><c>ifAddress</c>: the branch ENI's MAC.</param>
/// <param name="PrivateIp"><c>privateIp</c>: the pod's IPv4 address; null when absent.</param>
/// <param name="Ipv6Address"><c>ipv6Addr</c>; null when absent.</param>
/// <param name="VlanId"><c>vlanId</c>: the VLAN tag of the branch on the trunk ENI.</param>
/// <param name="SubnetCidr"><c>subnetCidr</c>: the branch subnet; null when absent.</param>
/// <param name="SubnetV6Cidr"><c>subnetV6Cidr</c>; null when absent.</param>
public sealed record PodEni(
    string EniId,
    PhysicalAddress Mac,
    IPAddress? PrivateIp,
    IPAddress? Ipv6Address,
    int VlanId,
    IPNetwork? SubnetCidr,
    IPNetwork? SubnetV6Cidr);
