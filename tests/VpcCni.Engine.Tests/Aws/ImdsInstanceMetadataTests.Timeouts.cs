using VpcCni.Engine.Aws;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Tests.Aws;

/// <summary>Per-attempt timeouts of the IMDS client.</summary>
public sealed partial class ImdsInstanceMetadataTests
{
    [Fact]
    public async Task SlowAnswerIsAbandonedAndRetried()
    {
        using var imds = Client(o => o.AttemptTimeoutMilliseconds = 200);
        _imds.DelayNext("meta-data/instance-id", TimeSpan.FromSeconds(5));

        Assert.Equal("i-0123456789abcdef0", await imds.GetInstanceIdAsync(default));
        Assert.Contains("GET /latest/meta-data/instance-id 200", _imds.Log);
    }

    [Fact]
    public async Task AnswerSlowerThanEveryAttemptFailsAsTimeout()
    {
        using var imds = Client(o => { o.AttemptTimeoutMilliseconds = 150; o.MaxAttempts = 2; });
        _imds.DelayNext("meta-data/instance-type", TimeSpan.FromSeconds(5), count: 2);

        var error = await Assert.ThrowsAsync<InstanceMetadataException>(() => imds.GetInstanceTypeAsync(default));

        Assert.Equal("Imds.Timeout", error.ErrorId);
        Assert.Equal(VpcCniErrorCategory.Timeout, error.Category);
    }
}
