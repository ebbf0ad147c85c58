using System.Net;
using System.Text.RegularExpressions;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Aws;

/// <summary>
/// The one engine error for a failed EC2 call. It keeps the AWS error code, the HTTP status, the
/// request id and the SDK exception as the inner exception; <see cref="VpcCniException.ErrorId"/>
/// is <c>Ec2.&lt;code&gt;</c> (for example <c>Ec2.InsufficientCidrBlocks</c>), or
/// <c>Ec2.Unreachable</c> / <c>Ec2.Timeout</c> when EC2 never answered.
/// </summary>
public sealed partial class Ec2ApiException : VpcCniException
{
    public Ec2ApiException()
        : this(Ec2Action.DescribeInstances, null, null, null, "An EC2 call failed.", null)
    {
    }

    public Ec2ApiException(string message)
        : this(Ec2Action.DescribeInstances, null, null, null, message, null)
    {
    }

    public Ec2ApiException(string message, Exception innerException)
        : this(Ec2Action.DescribeInstances, null, null, null, message, innerException)
    {
    }

    public Ec2ApiException(
        Ec2Action action,
        string? awsErrorCode,
        HttpStatusCode? httpStatus,
        string? requestId,
        string message,
        Exception? innerException,
        VpcCniErrorCategory? category = null,
        string? errorId = null)
        : base(
            category ?? Ec2ErrorCodes.Categorize(awsErrorCode, httpStatus),
            errorId ?? (string.IsNullOrEmpty(awsErrorCode) ? ErrorIds.Ec2.Unreachable : ErrorIds.Ec2.ForAwsCode(awsErrorCode)),
            message,
            innerException)
    {
        Action = action;
        AwsErrorCode = awsErrorCode;
        HttpStatus = httpStatus;
        RequestId = requestId;
    }

    /// <summary>The EC2 action (and IAM action) that failed.</summary>
    public Ec2Action Action { get; }

    /// <summary>The AWS error code, e.g. <c>InvalidNetworkInterfaceID.NotFound</c>; null when EC2 never answered.</summary>
    public string? AwsErrorCode { get; }

    /// <summary>The HTTP status of EC2's answer; null when there was none.</summary>
    public HttpStatusCode? HttpStatus { get; }

    /// <summary>EC2's request id (quote it to AWS support); null when there was none.</summary>
    public string? RequestId { get; }

    /// <summary>Whether the code is <paramref name="code"/> (AWS codes compare ordinally, ignoring case).</summary>
    public bool Is(string code) => string.Equals(AwsErrorCode, code, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the failure is throttling that outlasted the SDK's retries.</summary>
    public bool IsThrottling => Ec2ErrorCodes.IsThrottling(AwsErrorCode);

    /// <summary>
    /// The resource id EC2 quoted in a <c>*.NotFound</c> message ("The networkInterface ID 'eni-…' does
    /// not exist"). Upstream's DescribeAllENIs drops exactly that id and retries (upstream
    /// pkg/awsutils/awsutils.go <c>DescribeAllENIs</c>), so the engine extracts it the same way; null when the message quotes no id.
    /// </summary>
    public string? QuotedResourceId
    {
        get
        {
            var match = QuotedIdPattern().Match(Message);
            return match.Success ? match.Groups[1].Value : null;
        }
    }

    [GeneratedRegex("'([a-zA-Z0-9-]+)'", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedIdPattern();
}
