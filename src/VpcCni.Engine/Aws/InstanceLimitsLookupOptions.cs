using System.ComponentModel.DataAnnotations;

namespace VpcCni.Engine.Aws;

/// <summary>
/// Where <see cref="InstanceLimitsLookup"/> may look beyond the built-in table: whether EC2 may be
/// asked at all, the EC2 endpoint and region, and the IMDS endpoint. The PowerShell cmdlets fill it
/// from <c>-Region</c>, <c>-EndpointUrl</c> and <c>-ImdsEndpoint</c>.
/// </summary>
public sealed class InstanceLimitsLookupOptions
{
    /// <summary>Ask EC2 <c>DescribeInstanceTypes</c> for a type the built-in table does not know. Off: such a type is <c>Capacity.UnknownInstanceType</c>.</summary>
    public bool ResolveThroughEc2 { get; set; }

    /// <summary>EC2 endpoint override (as <c>AWS_EC2_ENDPOINT</c>); null for the region's public endpoint.</summary>
    [Url]
    public string? Ec2Endpoint { get; set; }

    /// <summary>The region, e.g. <c>us-west-2</c>; null to take it from IMDS <c>placement/region</c>.</summary>
    public string? Region { get; set; }

    /// <summary>IMDS base URL (as <c>AWS_EC2_METADATA_SERVICE_ENDPOINT</c>).</summary>
    [Url]
    public string ImdsEndpoint { get; set; } = "http://169.254.169.254";

    /// <summary>Timeout of one EC2 HTTP attempt; values below 10 count as 10 (<see cref="Ec2ClientOptions.MinimumHttpTimeoutSeconds"/>).</summary>
    [Range(0, 3600)]
    public int HttpTimeoutSeconds { get; set; } = Ec2ClientOptions.MinimumHttpTimeoutSeconds;

    /// <summary>
    /// SDK retries after the first EC2 attempt. 2 (3 attempts) is the AWS CLI's standard-mode default:
    /// an interactive command should fail within seconds, unlike the node service's 10 attempts.
    /// </summary>
    [Range(0, 20)]
    public int MaxErrorRetry { get; set; } = 2;

    /// <summary>
    /// Timeout of one IMDS attempt. 1 s, as the AWS CLI's <c>AWS_METADATA_SERVICE_TIMEOUT</c>: off EC2
    /// the link-local address does not answer at all, and the command should say so quickly.
    /// </summary>
    [Range(100, 120_000)]
    public int ImdsTimeoutMilliseconds { get; set; } = 1_000;

    /// <summary>IMDS attempts per read (the first included).</summary>
    [Range(1, 10)]
    public int ImdsMaxAttempts { get; set; } = 2;
}
