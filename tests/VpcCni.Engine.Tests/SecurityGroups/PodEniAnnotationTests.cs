using System.Net;
using System.Net.NetworkInformation;
using VpcCni.Engine.Errors;
using VpcCni.Engine.SecurityGroups;

namespace VpcCni.Engine.Tests.SecurityGroups;

/// <summary><see cref="PodEniAnnotation"/> reads the annotation the VPC resource controller writes.</summary>
public class PodEniAnnotationTests
{
    // The shape the resource controller writes (one branch ENI per pod).
    internal const string ControllerAnnotation =
        """[{"eniId":"eni-0a1b2c3d4e5f60718","ifAddress":"02:34:a5:25:0b:63","privateIp":"192.168.219.103","vlanId":3,"subnetCidr":"192.168.192.0/19","associationID":"trunk-assoc-0123456789abcdef0"}]""";

    [Fact]
    public void TheControllersAnnotationGivesTheBranchEniItsMacVlanAddressAndSubnet()
    {
        var eni = Assert.Single(PodEniAnnotation.Parse(ControllerAnnotation));

        Assert.Equal("eni-0a1b2c3d4e5f60718", eni.EniId);
        Assert.Equal(PhysicalAddress.Parse("02-34-A5-25-0B-63"), eni.Mac);
        Assert.Equal(IPAddress.Parse("192.168.219.103"), eni.PrivateIp);
        Assert.Equal(3, eni.VlanId);
        Assert.Equal(IPNetwork.Parse("192.168.192.0/19"), eni.SubnetCidr);
        Assert.Null(eni.Ipv6Address);
        Assert.Null(eni.SubnetV6Cidr);
    }

    [Fact]
    public void KeysMatchWithoutRegardToCaseAsGoDecodesThem()
    {
        var eni = Assert.Single(PodEniAnnotation.Parse(
            """[{"ENIID":"eni-1","IfAddress":"02:00:00:00:00:01","PRIVATEIP":"10.0.0.5","vlanID":7,"SubnetCidr":"10.0.0.0/24","ipv6Addr":"2600:1f14::5","subnetV6Cidr":"2600:1f14::/64"}]"""));

        Assert.Equal(7, eni.VlanId);
        Assert.Equal(IPAddress.Parse("2600:1f14::5"), eni.Ipv6Address);
        Assert.Equal(IPNetwork.Parse("2600:1f14::/64"), eni.SubnetV6Cidr);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("[1]")]
    [InlineData("""[{"ifAddress":"02:00:00:00:00:01","privateIp":"10.0.0.5","vlanId":1}]""")]
    [InlineData("""[{"eniId":"eni-1","privateIp":"10.0.0.5","vlanId":1}]""")]
    [InlineData("""[{"eniId":"eni-1","ifAddress":"not-a-mac","privateIp":"10.0.0.5","vlanId":1}]""")]
    [InlineData("""[{"eniId":"eni-1","ifAddress":"02:00:00:00:00:01","privateIp":"10.0.0.5"}]""")]
    [InlineData("""[{"eniId":"eni-1","ifAddress":"02:00:00:00:00:01","privateIp":"10.0.0.5","vlanId":0}]""")]
    [InlineData("""[{"eniId":"eni-1","ifAddress":"02:00:00:00:00:01","privateIp":"10.0.0.5","vlanId":4095}]""")]
    [InlineData("""[{"eniId":"eni-1","ifAddress":"02:00:00:00:00:01","privateIp":"10.0.0.500","vlanId":1}]""")]
    [InlineData("""[{"eniId":"eni-1","ifAddress":"02:00:00:00:00:01","privateIp":"10.0.0.5","vlanId":1,"subnetCidr":"10.0.0.0/33"}]""")]
    public void AnythingElseIsRefusedWithTheAnnotationsErrorId(string json)
    {
        var error = Assert.Throws<VpcCniException>(() => PodEniAnnotation.Parse(json));

        Assert.Equal(ErrorIds.SecurityGroupPolicy.InvalidPodEniAnnotation, error.ErrorId);
        Assert.Equal(VpcCniErrorCategory.InvalidArgument, error.Category);
        Assert.Contains(PodEniAnnotation.Key, error.Message, StringComparison.Ordinal);
    }
}
