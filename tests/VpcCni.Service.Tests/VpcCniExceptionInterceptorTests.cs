using Grpc.Core;
using VpcCni.Engine.Errors;
using VpcCni.Service.Rpc;

namespace VpcCni.Service.Tests;

public sealed class VpcCniExceptionInterceptorTests
{
    [Theory]
    [InlineData(VpcCniErrorCategory.InvalidArgument, StatusCode.InvalidArgument)]
    [InlineData(VpcCniErrorCategory.InvalidConfiguration, StatusCode.FailedPrecondition)]
    [InlineData(VpcCniErrorCategory.NotFound, StatusCode.NotFound)]
    [InlineData(VpcCniErrorCategory.AlreadyExists, StatusCode.AlreadyExists)]
    [InlineData(VpcCniErrorCategory.LimitExceeded, StatusCode.ResourceExhausted)]
    [InlineData(VpcCniErrorCategory.ResourceUnavailable, StatusCode.Unavailable)]
    [InlineData(VpcCniErrorCategory.PermissionDenied, StatusCode.PermissionDenied)]
    [InlineData(VpcCniErrorCategory.Timeout, StatusCode.DeadlineExceeded)]
    [InlineData(VpcCniErrorCategory.Conflict, StatusCode.FailedPrecondition)]
    [InlineData(VpcCniErrorCategory.Internal, StatusCode.Internal)]
    public void EachErrorCategoryBecomesTheMatchingGrpcStatus(VpcCniErrorCategory category, StatusCode expected)
    {
        Assert.Equal(expected, VpcCniExceptionInterceptor.ToStatusCode(category));
    }

    [Fact]
    public void EveryErrorCategoryHasAMapping()
    {
        var unmapped = Enum.GetValues<VpcCniErrorCategory>()
            .Where(c => c != VpcCniErrorCategory.Internal && VpcCniExceptionInterceptor.ToStatusCode(c) == StatusCode.Internal);

        Assert.Empty(unmapped);
    }
}
