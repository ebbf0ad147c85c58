using VpcCni.Plugin.Cni;

namespace VpcCni.Plugin.Tests.Cni;

public sealed class KubernetesArgsTests
{
    [Fact]
    public void TheKubeletsArgsGiveThePod()
    {
        var args = KubernetesArgs.Parse("IgnoreUnknown=1;K8S_POD_NAMESPACE=kube-system;K8S_POD_NAME=coredns-1;K8S_POD_INFRA_CONTAINER_ID=abc;K8S_POD_UID=u-1;OTHER=x");
        Assert.Equal(new KubernetesArgs("coredns-1", "kube-system", "abc", "u-1"), args);
        Assert.True(args.HasPod);
    }

    [Fact]
    public void EmptyArgsGiveNoPod() => Assert.False(KubernetesArgs.Parse(string.Empty).HasPod);

    [Theory]
    [InlineData("K8S_POD_NAME=a;OTHER=x")]
    [InlineData("IgnoreUnknown=0;OTHER=x")]
    [InlineData("IgnoreUnknown=false;K8S_POD_NAME=a;X=1")]
    public void AnUnknownKeyWithoutIgnoreUnknownIsCode4(string args) =>
        Assert.Equal(4, Assert.Throws<CniException>(() => KubernetesArgs.Parse(args)).Code);

    [Theory]
    [InlineData("K8S_POD_NAME")]
    [InlineData("K8S_POD_NAME=a=b")]
    [InlineData("K8S_POD_NAME=a;")]
    [InlineData("IgnoreUnknown=maybe;K8S_POD_NAME=a")]
    public void APairThatIsNotKeyEqualsValueIsCode4(string args) =>
        Assert.Equal(4, Assert.Throws<CniException>(() => KubernetesArgs.Parse(args)).Code);
}
