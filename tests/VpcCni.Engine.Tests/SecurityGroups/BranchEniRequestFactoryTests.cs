using System.Net;
using System.Net.NetworkInformation;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Linux.Wiring;
using VpcCni.Engine.SecurityGroups;

namespace VpcCni.Engine.Tests.SecurityGroups;

/// <summary>
/// <see cref="BranchEniRequestFactory"/>: from the pod's annotation to the request <see cref="BranchEniWiring"/>
/// takes. These tests assert the request only: the development kernel has no 8021q module, so the
/// VLAN link itself cannot be created here (docs/security-groups-for-pods.md, "Where the kernel lacks 8021q").
/// </summary>
public class BranchEniRequestFactoryTests
{
    private const int TrunkLinkIndex = 4;

    private static readonly PodNetworkRequest Pod = new("production", "database-client-7d9f", "/var/run/netns/cni-1", "eth0", IPAddress.Parse("0.0.0.0"));

    private static readonly Dictionary<string, string> Annotated = new()
    {
        [PodEniAnnotation.Key] = PodEniAnnotationTests.ControllerAnnotation,
        ["kubernetes.io/psp"] = "eks.privileged",
    };

    [Fact]
    public void InStrictModeThePodGetsTheBranchAddressAVlanVethAndTheVlanTable()
    {
        var request = BranchEniRequestFactory.FromAnnotations(Annotated, Pod, TrunkLinkIndex, PodSecurityGroupEnforcingMode.Strict);

        Assert.Equal(IPAddress.Parse("192.168.219.103"), request.Pod.PodIp);
        Assert.Equal(3, request.VlanId);
        Assert.Equal("vlan.eth.3", request.VlanLink);
        Assert.Equal(103, request.Table);
        Assert.Equal(PhysicalAddress.Parse("02-34-A5-25-0B-63"), request.BranchMac);
        Assert.Equal(TrunkLinkIndex, request.TrunkLinkIndex);
        Assert.Equal(IPAddress.Parse("192.168.192.1"), request.Gateway);
        Assert.StartsWith(VethNames.StrictBranchPrefix, request.EffectivePod.HostVeth, StringComparison.Ordinal);
        Assert.Equal(103, request.EffectivePod.RouteTable);
    }

    [Fact]
    public void InStandardModeThePodKeepsItsUsualVethPrefix()
    {
        var request = BranchEniRequestFactory.FromAnnotations(Annotated, Pod, TrunkLinkIndex, PodSecurityGroupEnforcingMode.Standard);

        Assert.Equal(PodSecurityGroupEnforcingMode.Standard, request.Mode);
        Assert.StartsWith(VethNames.DefaultPrefix, request.EffectivePod.HostVeth, StringComparison.Ordinal);
        Assert.Equal(IPAddress.Parse("192.168.192.1"), request.Gateway);
        Assert.Equal(103, request.EffectivePod.RouteTable);
    }

    [Fact]
    public void APodWithoutTheAnnotationHasNoBranchEniYet()
    {
        var error = Assert.Throws<VpcCniException>(() =>
            BranchEniRequestFactory.FromAnnotations(new Dictionary<string, string>(), Pod, TrunkLinkIndex, PodSecurityGroupEnforcingMode.Strict));

        Assert.Equal(ErrorIds.SecurityGroupPolicy.NoBranchEni, error.ErrorId);
        Assert.Equal(VpcCniErrorCategory.NotFound, error.Category);
    }

    [Theory]
    [InlineData("""[{"eniId":"eni-1","ifAddress":"02:00:00:00:00:01","vlanId":1,"subnetCidr":"10.0.0.0/24","ipv6Addr":"2600::5"}]""")]
    [InlineData("""[{"eniId":"eni-1","ifAddress":"02:00:00:00:00:01","privateIp":"10.0.0.5","vlanId":1}]""")]
    [InlineData("""[{"eniId":"eni-1","ifAddress":"02:00:00:00:00:01","privateIp":"10.0.1.5","vlanId":1,"subnetCidr":"10.0.0.0/24"}]""")]
    public void AnAnnotationWithoutAnIpv4AddressInsideItsSubnetIsRefused(string json)
    {
        var annotations = new Dictionary<string, string> { [PodEniAnnotation.Key] = json };

        var error = Assert.Throws<VpcCniException>(() =>
            BranchEniRequestFactory.FromAnnotations(annotations, Pod, TrunkLinkIndex, PodSecurityGroupEnforcingMode.Strict));

        Assert.Equal(ErrorIds.SecurityGroupPolicy.InvalidPodEniAnnotation, error.ErrorId);
    }
}
