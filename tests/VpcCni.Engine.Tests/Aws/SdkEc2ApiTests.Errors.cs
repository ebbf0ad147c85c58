using System.Net;
using System.Net.Sockets;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Tests.Aws.Support;
using Ec2Action = VpcCni.Engine.Aws.Ec2Action;
using Ec2ErrorCodes = VpcCni.Engine.Aws.Ec2ErrorCodes;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Engine.Tests.Aws;

/// <summary>Error mapping, SDK retries, throttling and dry runs of <see cref="SdkEc2Api"/> against the simulator.</summary>
public sealed partial class SdkEc2ApiTests
{
    [Theory]
    [InlineData("InsufficientCidrBlocks", 400, VpcCniErrorCategory.LimitExceeded)]
    [InlineData("InsufficientFreeAddressesInSubnet", 400, VpcCniErrorCategory.LimitExceeded)]
    [InlineData("PrivateIpAddressLimitExceeded", 400, VpcCniErrorCategory.LimitExceeded)]
    [InlineData("AttachmentLimitExceeded", 400, VpcCniErrorCategory.LimitExceeded)]
    [InlineData("InvalidNetworkInterfaceID.NotFound", 400, VpcCniErrorCategory.NotFound)]
    [InlineData("InvalidAttachmentID.NotFound", 400, VpcCniErrorCategory.NotFound)]
    [InlineData("InvalidNetworkInterface.InUse", 400, VpcCniErrorCategory.Conflict)]
    [InlineData("InvalidParameterValue", 400, VpcCniErrorCategory.InvalidArgument)]
    [InlineData("UnauthorizedOperation", 403, VpcCniErrorCategory.PermissionDenied)]
    [InlineData("RequestLimitExceeded", 503, VpcCniErrorCategory.ResourceUnavailable)]
    [InlineData("InternalError", 500, VpcCniErrorCategory.ResourceUnavailable)]
    [InlineData("Unavailable", 503, VpcCniErrorCategory.ResourceUnavailable)]
    public async Task InjectedFaultBecomesEc2ApiExceptionWithCodeStatusAndCategory(string code, int status, VpcCniErrorCategory category)
    {
        var ec2 = _aws.Ec2(maxErrorRetry: 0);
        _aws.Sim.InjectFault(new FaultRule { Action = "AssignPrivateIpAddresses", ErrorCode = code, HttpStatus = status });
        var eni = await CreateAsync();

        var error = await Assert.ThrowsAsync<Ec2ApiException>(() => ec2.AssignPrivateIpAddressesAsync(Ec2AssignPrivateIpRequest.Addresses(eni, 1), default));

        Assert.Equal(code, error.AwsErrorCode);
        Assert.Equal("Ec2." + code, error.ErrorId);
        Assert.Equal((HttpStatusCode)status, error.HttpStatus);
        Assert.Equal(category, error.Category);
        Assert.Equal(Ec2Action.AssignPrivateIpAddresses, error.Action);
        Assert.Equal(_aws.Requests("AssignPrivateIpAddresses").Single().RequestId, error.RequestId);
    }

    [Fact]
    public async Task ThrottlingIsRetriedByTheSdkUntilItSucceeds()
    {
        _aws.Sim.InjectFault(new FaultRule { Action = "DescribeSubnets", ErrorCode = "RequestLimitExceeded", HttpStatus = 503, Count = 2 });

        var subnets = await _ec2.DescribeSubnetsAsync(Ec2DescribeQuery.All, default);

        Assert.Equal(3, subnets.Count);
        var attempts = _aws.Requests("DescribeSubnets");
        Assert.Equal([503, 503, 200], attempts.Select(r => r.HttpStatus));
        Assert.Equal([1, 2, 3], attempts.Select(r => r.Attempt ?? 0));
        Assert.Single(attempts.Select(r => r.InvocationId).Distinct());
    }

    [Fact]
    public async Task EmptiedTokenBucketIsRidOutByTheSdkRetry()
    {
        _aws.Sim.DrainThrottleBucket("DescribeSecurityGroups");

        var groups = await _ec2.DescribeSecurityGroupsAsync(Ec2DescribeQuery.All, default);

        Assert.Single(groups);
        var attempts = _aws.Requests("DescribeSecurityGroups");
        Assert.Equal("RequestLimitExceeded", attempts[0].ErrorCode);
        Assert.Equal(200, attempts[^1].HttpStatus);
    }

    [Fact]
    public async Task ThrottlingThatOutlastsTheRetriesSurfacesAsThrottling()
    {
        var ec2 = _aws.Ec2(maxErrorRetry: 1);
        _aws.Sim.InjectFault(new FaultRule { Action = "DescribeInstances", ErrorCode = "RequestLimitExceeded", HttpStatus = 503 });

        var error = await Assert.ThrowsAsync<Ec2ApiException>(() => ec2.DescribeInstancesAsync(Ec2DescribeQuery.All, default));

        Assert.True(error.IsThrottling);
        Assert.Equal(VpcCniErrorCategory.ResourceUnavailable, error.Category);
        Assert.Equal(2, _aws.Requests("DescribeInstances").Count);
    }

    [Fact]
    public async Task BusinessErrorsAreNotRetried()
    {
        _aws.Sim.InjectFault(new FaultRule { Action = "CreateNetworkInterface", ErrorCode = "InsufficientCidrBlocks", HttpStatus = 400 });

        var error = await Assert.ThrowsAsync<Ec2ApiException>(() => CreateAsync());

        Assert.Equal(Ec2ErrorCodes.InsufficientCidrBlocks, error.AwsErrorCode);
        Assert.Single(_aws.Requests("CreateNetworkInterface"));
    }

    [Fact]
    public async Task FullSubnetAnswersInsufficientFreeAddresses()
    {
        await using var aws = await SimulatedAws.StartAsync(s => s.Subnets.Add(new ScenarioSubnet { Id = "subnet-000000000000000aa", AvailabilityZone = "us-west-2a", CidrBlock = "10.0.96.0/28" }));
        var ec2 = aws.Ec2();

        // A /28 has 16 - 5 reserved = 11 free addresses; the ENI needs 1 + 11.
        var error = await Assert.ThrowsAsync<Ec2ApiException>(() => ec2.CreateNetworkInterfaceAsync(
            new Ec2CreateNetworkInterfaceRequest { SubnetId = "subnet-000000000000000aa", SecondaryPrivateIpAddressCount = 11 }, default));

        Assert.Equal(Ec2ErrorCodes.InsufficientFreeAddressesInSubnet, error.AwsErrorCode);
        Assert.Equal(VpcCniErrorCategory.LimitExceeded, error.Category);
    }

    [Fact]
    public async Task SubnetWithoutAFreeAlignedBlockAnswersInsufficientCidrBlocks()
    {
        await using var aws = await SimulatedAws.StartAsync(s => s.Subnets.Add(new ScenarioSubnet { Id = "subnet-000000000000000bb", AvailabilityZone = "us-west-2a", CidrBlock = "10.0.96.32/27" }));
        var ec2 = aws.Ec2();

        // Both /28 blocks of a /27 hold reserved addresses, so no prefix fits.
        var error = await Assert.ThrowsAsync<Ec2ApiException>(() => ec2.CreateNetworkInterfaceAsync(
            new Ec2CreateNetworkInterfaceRequest { SubnetId = "subnet-000000000000000bb", Ipv4PrefixCount = 1 }, default));

        Assert.Equal(Ec2ErrorCodes.InsufficientCidrBlocks, error.AwsErrorCode);
    }

    [Fact]
    public async Task DryRunReportsAllowedWithoutCreatingAnything()
    {
        var before = (await _ec2.DescribeNetworkInterfacesAsync(Ec2DescribeQuery.All, default)).Count;

        var result = await _ec2.DryRunAsync(new Ec2DryRunRequest { Action = Ec2Action.CreateNetworkInterface, SubnetId = _aws.SubnetIn("us-west-2a") }, default);

        Assert.True(result.Allowed);
        Assert.Equal(Ec2Action.CreateNetworkInterface, result.Action);
        Assert.Equal(before, (await _ec2.DescribeNetworkInterfacesAsync(Ec2DescribeQuery.All, default)).Count);
    }

    [Fact]
    public async Task DryRunReportsDeniedWhenIamDoesNotAllowTheAction()
    {
        _aws.Sim.SetAllowedActions(["DescribeInstances", "DescribeNetworkInterfaces"]);

        var denied = await _ec2.DryRunAsync(new Ec2DryRunRequest { Action = Ec2Action.CreateNetworkInterface, SubnetId = _aws.SubnetIn("us-west-2a") }, default);
        var allowed = await _ec2.DryRunAsync(new Ec2DryRunRequest { Action = Ec2Action.DescribeInstances }, default);

        Assert.False(denied.Allowed);
        Assert.True(allowed.Allowed);
        var error = await Assert.ThrowsAsync<Ec2ApiException>(() => CreateAsync());
        Assert.Equal(VpcCniErrorCategory.PermissionDenied, error.Category);
        Assert.Equal(HttpStatusCode.Forbidden, error.HttpStatus);
    }

    [Fact]
    public async Task DryRunOfAnActionWithoutDryRunIsRefused()
    {
        var error = await Assert.ThrowsAsync<VpcCniException>(() =>
            _ec2.DryRunAsync(new Ec2DryRunRequest { Action = Ec2Action.AssignPrivateIpAddresses, NetworkInterfaceId = "eni-1" }, default));

        Assert.Equal("Ec2.DryRunUnsupported", error.ErrorId);
    }

    [Fact]
    public async Task ClosedEndpointIsUnreachable()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var ec2 = _aws.Ec2(maxErrorRetry: 0, endpoint: $"http://127.0.0.1:{port}");

        var error = await Assert.ThrowsAsync<Ec2ApiException>(() => ec2.DescribeInstancesAsync(Ec2DescribeQuery.All, default));

        Assert.Equal("Ec2.Unreachable", error.ErrorId);
        Assert.Null(error.AwsErrorCode);
        Assert.Equal(VpcCniErrorCategory.ResourceUnavailable, error.Category);
    }
}
