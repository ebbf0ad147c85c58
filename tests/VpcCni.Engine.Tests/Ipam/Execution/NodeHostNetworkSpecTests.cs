using System.Net;
using System.Net.NetworkInformation;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam.Execution;

namespace VpcCni.Engine.Tests.Ipam.Execution;

public sealed class NodeHostNetworkSpecTests
{
    private static readonly PhysicalAddress Mac = PhysicalAddress.Parse("02-00-0a-00-00-0a");

    [Fact]
    public void SecurityGroupsForPodsInStrictModeMoveTheLocalRuleAndStandardModeDoesNot()
    {
        var settings = new VpcCniSettings();
        settings.CustomNetworking.EnablePodEni = true;

        var strict = NodeHostNetworkSpec.From(settings, Mac, IPAddress.Parse("10.0.0.10"), [IPNetwork.Parse("10.0.0.0/16")]);
        settings.CustomNetworking.PodSecurityGroupEnforcingMode = PodSecurityGroupEnforcingMode.Standard;
        var standard = NodeHostNetworkSpec.From(settings, Mac, IPAddress.Parse("10.0.0.10"), [IPNetwork.Parse("10.0.0.0/16")]);

        Assert.True(strict.HostRules.SgpStrict);
        Assert.False(standard.HostRules.SgpStrict);
        Assert.False(NodeHostNetworkSpec.From(new VpcCniSettings(), Mac, IPAddress.Parse("10.0.0.10"), [IPNetwork.Parse("10.0.0.0/16")]).HostRules.SgpStrict);
    }

    [Fact]
    public void OnlyTheVpcsIpv4CidrsAreExemptFromSnatAndAMissingNodeAddressIsRefusedOutsideIpv6Mode()
    {
        var settings = new VpcCniSettings();
        settings.Networking.Connmark = 0x100;

        var spec = NodeHostNetworkSpec.From(settings, Mac, null, [IPNetwork.Parse("10.0.0.0/16"), IPNetwork.Parse("2600:1f14:abc:5600::/56")]);

        Assert.Equal([IPNetwork.Parse("10.0.0.0/16")], spec.PacketFilter.VpcCidrs);
        Assert.Equal((0x100u, 0x100u), (spec.PacketFilter.ConnmarkMark, spec.HostRules.ConnmarkMask));
        Assert.Equal(ErrorIds.PacketFilter.InvalidNodeIp, Assert.Throws<VpcCniException>(spec.PacketFilter.Validate).ErrorId);
        settings.Networking.EnableIpv6 = true;
        Assert.True(NodeHostNetworkSpec.From(settings, Mac, null, []).PacketFilter.Ipv6Mode);
    }
}
