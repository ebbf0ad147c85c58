using VpcCni.Engine.Linux.Wiring;

namespace VpcCni.Engine.Tests.Linux;

public sealed class VethNamesTests
{
    [Theory]
    [InlineData("eni", "default", "pod-a", 0, "eni5e1c4d6c68c")]
    [InlineData("eni", "default", "pod-b", 0, "eni2f5353dd8c5")]
    [InlineData("eni", "kube-system", "coredns-5d78c9869d-abcde", 0, "eni4d5f75c480c")]
    [InlineData("eni", "default", "pod-a", 1, "enib9b1b22027a")]
    [InlineData("vlan", "default", "pod-a", 0, "vlan5e1c4d6c68c")]
    public void HostVethIsPrefixPlusFirstElevenHexDigitsOfSha1(string prefix, string ns, string pod, int index, string expected) =>
        Assert.Equal(expected, VethNames.HostVeth(prefix, ns, pod, index));

    [Fact]
    public void PrefixLongerThanFourIsRefusedWithTheAcceptedRange()
    {
        var e = Assert.Throws<ArgumentException>(() => VethNames.HostVeth("toolong", "a", "b"));
        Assert.Contains("at most 4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtraInterfacesAreNamedMNicIf() =>
        Assert.Equal(("eth0", "mNicIf2"), (VethNames.ContainerInterface("eth0", 0), VethNames.ContainerInterface("eth0", 2)));

    [Fact]
    public void TheDummyResultEntryIsDummyPlusTheSameElevenHexDigitsAsTheHostVeth() =>
        Assert.Equal("dummy5e1c4d6c68c", VethNames.DummyInterface("default", "pod-a"));
}
