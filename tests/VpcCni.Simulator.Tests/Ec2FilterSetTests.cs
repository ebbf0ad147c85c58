using VpcCni.Simulator.Ec2;

namespace VpcCni.Simulator.Tests;

public sealed class Ec2FilterSetTests
{
    [Theory]
    [InlineData("aws-K8S-*", "aws-K8S-i-0abc", true)]
    [InlineData("aws-K8S-*", "aws-k8s-i-0abc", false)]
    [InlineData("i-?bc", "i-abc", true)]
    [InlineData("i-?bc", "i-bc", false)]
    [InlineData("*", "", true)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "axxbyy", false)]
    [InlineData("literal\\*", "literal*", true)]
    [InlineData("literal\\*", "literalX", false)]
    public void WildcardsMatchLikeEc2Filters(string pattern, string value, bool expected) =>
        Assert.Equal(expected, Ec2FilterSet.Wildcard(pattern, value));
}
