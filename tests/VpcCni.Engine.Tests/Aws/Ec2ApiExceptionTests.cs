using System.Net;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Tests.Aws;

public sealed class Ec2ApiExceptionTests
{
    [Fact]
    public void NotFoundMessageYieldsTheQuotedId()
    {
        var error = new Ec2ApiException(Ec2Action.DescribeNetworkInterfaces, "InvalidNetworkInterfaceID.NotFound", HttpStatusCode.BadRequest, "r-1",
            "The networkInterface ID 'eni-0a1b2c3d4e5f60718' does not exist", null);

        Assert.Equal("eni-0a1b2c3d4e5f60718", error.QuotedResourceId);
        Assert.True(error.Is("invalidnetworkinterfaceid.notfound"));
        Assert.Equal(VpcCniErrorCategory.NotFound, error.Category);
    }

    [Fact]
    public void MessageWithoutQuotesYieldsNoId() =>
        Assert.Null(new Ec2ApiException(Ec2Action.DeleteNetworkInterface, "InvalidParameterValue", HttpStatusCode.BadRequest, null, "bad", null).QuotedResourceId);

    [Fact]
    public void UnansweredCallIsUnreachableAndKeepsTheInnerException()
    {
        var inner = new HttpRequestException("connection refused");
        var error = new Ec2ApiException(Ec2Action.CreateTags, null, null, null, "no answer", inner);

        Assert.Equal("Ec2.Unreachable", error.ErrorId);
        Assert.Same(inner, error.InnerException);
        Assert.False(error.IsThrottling);
        Assert.IsAssignableFrom<VpcCniException>(error);
    }
}
