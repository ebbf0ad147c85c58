using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Tests.Aws.Support;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Engine.Tests.Aws;

/// <summary>ENI state transitions with attach/detach delays, and what the adapter logs.</summary>
public sealed partial class SdkEc2ApiTests
{
    [Fact]
    public async Task AttachAndDetachPassThroughTheirTransitionalStates()
    {
        await using var aws = await SimulatedAws.StartAsync(s => s.Delays = new ScenarioDelays { AttachMs = 700, DetachMs = 700 });
        var ec2 = aws.Ec2();
        var eni = (await ec2.CreateNetworkInterfaceAsync(new Ec2CreateNetworkInterfaceRequest { SubnetId = aws.SubnetIn("us-west-2a") }, default)).NetworkInterfaceId;
        async Task<Ec2NetworkInterface> Describe() => (await ec2.DescribeNetworkInterfacesAsync(Ec2DescribeQuery.ForIds(eni), default)).Single();

        var attach = await ec2.AttachNetworkInterfaceAsync(new Ec2AttachNetworkInterfaceRequest(eni, aws.InstanceId, 1), default);
        var attaching = await Describe();
        Assert.Equal(Ec2NetworkInterfaceStatus.Attaching, attaching.Status);
        Assert.Equal(Ec2AttachmentStatus.Attaching, attaching.Attachment!.Status);
        Assert.Equal(Ec2NetworkInterfaceStatus.InUse, (await SimulatedAws.EventuallyAsync(Describe, e => e.Status == Ec2NetworkInterfaceStatus.InUse)).Status);

        await ec2.DetachNetworkInterfaceAsync(attach.AttachmentId, force: false, default);
        var detaching = await Describe();
        Assert.Equal(Ec2NetworkInterfaceStatus.Detaching, detaching.Status);
        Assert.Equal(Ec2AttachmentStatus.Detaching, detaching.Attachment!.Status);

        // While detaching the ENI can neither be deleted nor re-attached (EC2 API reference, DeleteNetworkInterface and AttachNetworkInterface).
        var refused = await Assert.ThrowsAsync<Ec2ApiException>(() => ec2.DeleteNetworkInterfaceAsync(eni, default));
        Assert.Equal("InvalidParameterValue", refused.AwsErrorCode);

        var available = await SimulatedAws.EventuallyAsync(Describe, e => e.Status == Ec2NetworkInterfaceStatus.Available);
        Assert.Null(available.Attachment);
        await ec2.DeleteNetworkInterfaceAsync(eni, default);
    }

    [Fact]
    public async Task FailuresAreLoggedWithCodeAndRequestIdButNeverCredentials()
    {
        var logger = new FakeLogger<SdkEc2Api>();
        var ec2 = _aws.Ec2(maxErrorRetry: 0, logger: logger, credentials: new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI-secret-key"));
        _aws.Sim.InjectFault(new FaultRule { Action = "DescribeSubnets", ErrorCode = "UnauthorizedOperation", HttpStatus = 403 });

        var error = await Assert.ThrowsAsync<Ec2ApiException>(() => ec2.DescribeSubnetsAsync(Ec2DescribeQuery.All, default));

        var warning = Assert.Single(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("UnauthorizedOperation", warning.Message, StringComparison.Ordinal);
        Assert.Contains(error.RequestId!, warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logger.Collector.GetSnapshot(), r => r.Message.Contains("secret", StringComparison.Ordinal) || r.Message.Contains("AKIDEXAMPLE", StringComparison.Ordinal));
    }
}
