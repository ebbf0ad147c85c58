using Amazon.EC2;

namespace VpcCni.Simulator.Tests.Support;

/// <summary>Asserts an EC2 call fails with a given code and HTTP status, as the SDK surfaces it.</summary>
public static class Expect
{
    public static async Task<AmazonEC2Exception> Ec2ErrorAsync(string code, int status, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<AmazonEC2Exception>(call);
        Assert.Equal(code, ex.ErrorCode);
        Assert.Equal(status, (int)ex.StatusCode);
        Assert.False(string.IsNullOrEmpty(ex.RequestId));
        return ex;
    }
}
