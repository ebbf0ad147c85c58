using VpcCni.Engine.Linux.PacketFilter;

namespace VpcCni.Engine.Tests.Linux.PacketFilter;

public class IptablesOwnershipTests
{
    [Theory]
    [InlineData("AWS-SNAT-CHAIN-0", true)]
    [InlineData("AWS-SNAT-CHAIN-17", true)]
    [InlineData("AWS-CONNMARK-CHAIN-3", true)]
    [InlineData("AWS-SNAT-CHAIN-X", false)]
    [InlineData("KUBE-SERVICES", false)]
    [InlineData("E4-0123456789abcdef", false)]
    public void OnlyNumberedAwsSnatAndConnmarkChainsAreOurs(string chain, bool owned)
    {
        Assert.Equal(owned, IptablesOwnership.IsOwnedChain(chain));
    }

    [Theory]
    [InlineData("-m comment --comment \"AWS SNAT CHAIN\" -j AWS-SNAT-CHAIN-0", true)]
    [InlineData("-j AWS-SNAT-CHAIN-4", true)]
    [InlineData("-i eni+ -m comment --comment \"AWS, outbound connections\" -m state --state NEW -j AWS-CONNMARK-CHAIN-0", true)]
    [InlineData("-m comment --comment \"AWS, CONNMARK\" -j CONNMARK --restore-mark --nfmask 0x80 --ctmask 0x80", true)]
    [InlineData("-i vlan+ -m comment --comment \"AWS, primary ENI\" -j CONNMARK --restore-mark --nfmask 0x80 --ctmask 0x80", true)]
    [InlineData("-m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES", false)]
    [InlineData("-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE", false)]
    [InlineData("-m comment --comment \"AWS SNAT CHAIN-ish\" -j ACCEPT", false)]
    [InlineData("-j AWS-SNAT-CHAIN-0X", false)]
    public void BuiltInChainRulesAreOursByJumpTargetOrUpstreamComment(string rule, bool owned)
    {
        Assert.Equal(owned, IptablesOwnership.IsOwnedRuleInBuiltInChain(rule));
    }
}
