using System.ComponentModel.DataAnnotations;

namespace VpcCni.Engine.Aws;

/// <summary>
/// IMDS client settings; section <c>InstanceMetadata</c>. <c>AWS_EC2_METADATA_SERVICE_ENDPOINT</c>
/// maps to <see cref="Endpoint"/> (the AWS SDKs' variable, AWS SDKs and Tools reference guide, "IMDS client").
/// </summary>
public sealed class InstanceMetadataOptions
{
    /// <summary>IMDS base URL without a path; the simulator prints its own.</summary>
    [Url]
    public string Endpoint { get; set; } = "http://169.254.169.254";

    /// <summary>Token lifetime requested in the PUT (1–21600 s, header X-aws-ec2-metadata-token-ttl-seconds, EC2 user guide).</summary>
    [Range(1, 21600)]
    public int TokenTtlSeconds { get; set; } = 21600;

    /// <summary>Attempts per read for 5xx, 429 and connection failures (first try included).</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>First back-off delay in milliseconds; it doubles per retry, with jitter.</summary>
    [Range(0, 60_000)]
    public int InitialBackoffMilliseconds { get; set; } = 250;

    /// <summary>Timeout of one HTTP attempt in milliseconds (the SDK's IMDS helper uses 5 s).</summary>
    [Range(100, 120_000)]
    public int AttemptTimeoutMilliseconds { get; set; } = 5_000;
}
