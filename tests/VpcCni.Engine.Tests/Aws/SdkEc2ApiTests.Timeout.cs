using VpcCni.Engine.Aws;
using VpcCni.Engine.Errors;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Engine.Tests.Aws;

/// <summary>The HTTP timeout path of <see cref="SdkEc2Api"/> (slow: the timeout cannot go below 10 s, like upstream).</summary>
public sealed partial class SdkEc2ApiTests
{
    [Fact]
    public async Task EndpointSlowerThanTheHttpTimeoutFailsAsTimeout()
    {
        var ec2 = _aws.Ec2(maxErrorRetry: 0);
        _aws.Sim.InjectFault(new FaultRule { Action = "DescribeTags", LatencyMs = 12_000 });

        var error = await Assert.ThrowsAsync<Ec2ApiException>(() => ec2.DescribeTagsAsync(Ec2DescribeQuery.All, default));

        Assert.Equal("Ec2.Timeout", error.ErrorId);
        Assert.Equal(VpcCniErrorCategory.Timeout, error.Category);
    }
}
