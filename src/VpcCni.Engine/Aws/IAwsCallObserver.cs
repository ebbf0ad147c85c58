namespace VpcCni.Engine.Aws;

/// <summary>
/// Told about every finished call to EC2 or instance metadata, so a face can count calls, errors and
/// latency per API without the engine knowing how (the service turns it into upstream's
/// <c>awscni_ec2api_*</c> and <c>awscni_aws_api_*</c> metrics, upstream <c>pkg/awsutils/awsutils.go</c>).
/// It is called on the caller's thread after the call and must not throw or block.
/// </summary>
public interface IAwsCallObserver
{
    /// <summary>One logical call finished, retries included.</summary>
    void CallCompleted(AwsCallOutcome outcome);
}
