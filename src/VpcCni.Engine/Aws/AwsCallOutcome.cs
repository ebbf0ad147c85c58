namespace VpcCni.Engine.Aws;

/// <summary>How one call to EC2 or instance metadata ended, as an <see cref="IAwsCallObserver"/> sees it.</summary>
/// <param name="Api">The EC2 action name (<c>AssignPrivateIpAddresses</c>), or <see cref="InstanceMetadataApi"/> for an IMDS read.</param>
/// <param name="IsEc2">True for EC2, false for instance metadata.</param>
/// <param name="ElapsedMilliseconds">Time from the first attempt to the answer, retries included.</param>
/// <param name="HttpStatus">The last HTTP status, or null when no answer came (timeout, connection failure).</param>
/// <param name="ErrorCode">Null on success; else the AWS error code (<c>InsufficientCidrBlocks</c>), or the engine's error id when AWS sent none (<c>Ec2.Timeout</c>).</param>
public readonly record struct AwsCallOutcome(string Api, bool IsEc2, double ElapsedMilliseconds, int? HttpStatus, string? ErrorCode)
{
    /// <summary>The API name upstream gives instance-metadata reads (upstream <c>pkg/awsutils/awsutils.go</c>, <c>instrumentedIMDS</c>).</summary>
    public const string InstanceMetadataApi = "GetMetadata";

    /// <summary>True when the call failed.</summary>
    public bool Failed => ErrorCode is not null;
}
