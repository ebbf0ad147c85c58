using System.ComponentModel.DataAnnotations;

namespace VpcCni.Engine.Aws;

/// <summary>
/// How the EC2 client is built. Binds from configuration section <c>Ec2</c>; the service maps the
/// upstream variables onto it: <c>AWS_EC2_ENDPOINT</c> → <see cref="Endpoint"/>, <c>HTTP_TIMEOUT</c>
/// → <see cref="HttpTimeoutSeconds"/>, <c>AWS_REGION</c> → <see cref="Region"/> (docs/aws.md, docs/configuration.md).
/// </summary>
public sealed class Ec2ClientOptions
{
    /// <summary>Upstream ignores HTTP_TIMEOUT values below 10 seconds (docs/configuration.md).</summary>
    public const int MinimumHttpTimeoutSeconds = 10;

    /// <summary>EC2 endpoint override (e.g. the simulator's <c>http://127.0.0.1:PORT</c>); null for the region's public endpoint.</summary>
    [Url]
    public string? Endpoint { get; set; }

    /// <summary>The region, e.g. <c>us-west-2</c>; null to take it from instance metadata.</summary>
    public string? Region { get; set; }

    /// <summary>Per-attempt HTTP timeout in seconds; values below 10 count as 10, like upstream.</summary>
    [Range(0, 3600)]
    public int HttpTimeoutSeconds { get; set; } = MinimumHttpTimeoutSeconds;

    /// <summary>
    /// Retries after the first attempt, done by the SDK's standard retry mode (with its retry quota).
    /// Default 9 = 10 attempts, as upstream's AWS SDK v2 retryer (upstream pkg/awsutils/awsutils.go).
    /// </summary>
    [Range(0, 20)]
    public int MaxErrorRetry { get; set; } = 9;

    /// <summary>The effective timeout.</summary>
    public TimeSpan EffectiveTimeout => TimeSpan.FromSeconds(Math.Max(HttpTimeoutSeconds, MinimumHttpTimeoutSeconds));
}
