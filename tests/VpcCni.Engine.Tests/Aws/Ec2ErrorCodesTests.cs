using System.Net;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Tests.Aws;

public sealed class Ec2ErrorCodesTests
{
    [Theory]
    [InlineData("InvalidSubnetID.NotFound", 400, VpcCniErrorCategory.NotFound)]
    [InlineData("InvalidInstanceType", 400, VpcCniErrorCategory.NotFound)]
    [InlineData("NetworkInterfaceLimitExceeded", 400, VpcCniErrorCategory.LimitExceeded)]
    [InlineData("InvalidInterface.IpAddressLimitExceeded", 400, VpcCniErrorCategory.LimitExceeded)]
    [InlineData("AuthFailure", 401, VpcCniErrorCategory.PermissionDenied)]
    [InlineData("OperationNotPermitted", 400, VpcCniErrorCategory.Conflict)]
    [InlineData("IdempotentParameterMismatch", 400, VpcCniErrorCategory.Conflict)]
    [InlineData("Throttling", 400, VpcCniErrorCategory.ResourceUnavailable)]
    [InlineData("RequestTimeout", 400, VpcCniErrorCategory.Timeout)]
    [InlineData("SomethingNew", 400, VpcCniErrorCategory.InvalidArgument)]
    [InlineData("SomethingNew", 502, VpcCniErrorCategory.ResourceUnavailable)]
    [InlineData(null, null, VpcCniErrorCategory.ResourceUnavailable)]
    public void CodeAndStatusMapToOneCategory(string? code, int? status, VpcCniErrorCategory expected) =>
        Assert.Equal(expected, Ec2ErrorCodes.Categorize(code, (HttpStatusCode?)status));

    [Theory]
    [InlineData("RequestLimitExceeded", true)]
    [InlineData("requestlimitexceeded", true)]
    [InlineData("ThrottlingException", true)]
    [InlineData("InsufficientCidrBlocks", false)]
    [InlineData(null, false)]
    public void ThrottlingCodesAreRecognised(string? code, bool throttling) =>
        Assert.Equal(throttling, Ec2ErrorCodes.IsThrottling(code));
}
