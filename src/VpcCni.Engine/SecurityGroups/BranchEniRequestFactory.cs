using System.Net;
using System.Net.Sockets;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Linux.Wiring;
using VpcCni.Engine.Networking;

namespace VpcCni.Engine.SecurityGroups;

/// <summary>
/// Turns a pod's <c>vpc.amazonaws.com/pod-eni</c> annotation into the branch-ENI wiring request, as
/// ipamd answers the plugin for such a pod (upstream <c>pkg/ipamd/rpc_handler.go</c>, <c>AddNetwork</c>):
/// the first entry's private IP becomes the pod address, its MAC and VLAN id the VLAN link's, and
/// the IPv4 gateway is the subnet's first address after the base (upstream
/// <c>networkutils.GetIPv4Gateway</c>). Only IPv4 branch ENIs are built here.
/// </summary>
public static class BranchEniRequestFactory
{
    /// <summary>
    /// The request for <paramref name="pod"/> (its address replaced by the branch's) on the trunk
    /// link <paramref name="trunkLinkIndex"/> in <paramref name="mode"/>.
    /// <see cref="ErrorIds.SecurityGroupPolicy.NoBranchEni"/> when the annotation is missing,
    /// <see cref="ErrorIds.SecurityGroupPolicy.InvalidPodEniAnnotation"/> when it lacks what IPv4 wiring needs.
    /// </summary>
    public static BranchEniRequest FromAnnotations(
        IReadOnlyDictionary<string, string> podAnnotations, PodNetworkRequest pod, int trunkLinkIndex, PodSecurityGroupEnforcingMode mode)
    {
        ArgumentNullException.ThrowIfNull(podAnnotations);
        ArgumentNullException.ThrowIfNull(pod);
        if (!podAnnotations.TryGetValue(PodEniAnnotation.Key, out var json))
        {
            throw new VpcCniException(VpcCniErrorCategory.NotFound, ErrorIds.SecurityGroupPolicy.NoBranchEni,
                $"Pod {pod.PodNamespace}/{pod.PodName} has no {PodEniAnnotation.Key} annotation: the VPC resource controller has not given it a branch ENI.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trunkLinkIndex);
        var eni = PodEniAnnotation.Parse(json)[0];
        var (address, gateway) = Ipv4Of(eni, $"{pod.PodNamespace}/{pod.PodName}");
        return new BranchEniRequest(pod with { PodIp = address }, eni.VlanId, eni.Mac, trunkLinkIndex, gateway, mode);
    }

    /// <summary>
    /// The pod address and gateway of an IPv4 branch ENI: its private IP and the first address of its
    /// subnet after the base. <see cref="ErrorIds.SecurityGroupPolicy.InvalidPodEniAnnotation"/>, naming
    /// <paramref name="podName"/>, when the entry has no IPv4 address inside an IPv4 subnet CIDR.
    /// </summary>
    public static (IPAddress Address, IPAddress Gateway) Ipv4Of(PodEni eni, string podName)
    {
        ArgumentNullException.ThrowIfNull(eni);
        if (eni.PrivateIp is not { AddressFamily: AddressFamily.InterNetwork } address || eni.SubnetCidr is not { } subnet
            || subnet.BaseAddress.AddressFamily != AddressFamily.InterNetwork || !subnet.Contains(address))
        {
            throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.SecurityGroupPolicy.InvalidPodEniAnnotation,
                $"Branch ENI {eni.EniId} of pod {podName} needs an IPv4 privateIp inside its IPv4 subnetCidr; the annotation has '{eni.PrivateIp}' and '{eni.SubnetCidr}'.");
        }

        return (address, AddressMath.Nth(subnet, 1));
    }
}
