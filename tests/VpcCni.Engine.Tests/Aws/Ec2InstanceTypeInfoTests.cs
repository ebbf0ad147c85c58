using VpcCni.Engine.Aws;
using VpcCni.Engine.Limits;

namespace VpcCni.Engine.Tests.Aws;

public sealed class Ec2InstanceTypeInfoTests
{
    [Fact]
    public void SingleCardTypeUsesTheInstanceTotal()
    {
        var limits = new Ec2InstanceTypeInfo
        {
            InstanceType = "m5.large",
            Hypervisor = "nitro",
            MaximumNetworkInterfaces = 3,
            NetworkCards = [new NetworkCardLimit(0, 3)],
            Ipv4AddressesPerInterface = 10,
            DefaultVCpus = 2,
        }.ToLimits();

        Assert.Equal(3, limits.EniLimit);
        Assert.Equal(10, limits.Ipv4PerEni);
        Assert.Equal(2, limits.EffectiveVCpus);
        Assert.True(limits.SupportsPrefixDelegation);
    }

    [Fact]
    public void MultiCardTypeUsesTheDefaultCardLikeUpstream()
    {
        var limits = new Ec2InstanceTypeInfo
        {
            InstanceType = "p4d.24xlarge",
            MaximumNetworkInterfaces = 60,
            DefaultNetworkCardIndex = 0,
            NetworkCards = [new(0, 15), new(1, 15), new(2, 15), new(3, 15)],
            Ipv4AddressesPerInterface = 50,
        }.ToLimits();

        Assert.Equal(15, limits.EniLimit);
        Assert.Equal(60, limits.TotalEniLimit);
        Assert.Equal(15, limits.EniLimitOfCard(3));
    }

    [Fact]
    public void MissingHypervisorIsUnknownAndOnlyBareMetalAllowsPrefixes()
    {
        var xen = new Ec2InstanceTypeInfo { InstanceType = "t2.nano", Hypervisor = "xen", MaximumNetworkInterfaces = 2, Ipv4AddressesPerInterface = 2 }.ToLimits();
        var metal = new Ec2InstanceTypeInfo { InstanceType = "m5.metal", BareMetal = true, MaximumNetworkInterfaces = 15, Ipv4AddressesPerInterface = 50 }.ToLimits();

        Assert.False(xen.SupportsPrefixDelegation);
        Assert.Equal("unknown", metal.Hypervisor);
        Assert.True(metal.SupportsPrefixDelegation);
        Assert.Equal([new NetworkCardLimit(0, 15)], metal.NetworkCards);
    }
}
