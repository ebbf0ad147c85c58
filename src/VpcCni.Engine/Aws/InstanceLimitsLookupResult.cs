using VpcCni.Engine.Limits;

namespace VpcCni.Engine.Aws;

/// <summary>The answer of <see cref="InstanceLimitsLookup"/>: the limits, where they came from, and the AWS context used.</summary>
public sealed record InstanceLimitsLookupResult
{
    public required InstanceTypeLimits Limits { get; init; }

    public required InstanceLimitsOrigin Origin { get; init; }

    /// <summary>The region EC2 was asked in, or the instance's region for an IMDS lookup; null when neither was needed.</summary>
    public string? Region { get; init; }

    /// <summary>True when the instance type came from IMDS (<c>meta-data/instance-type</c>).</summary>
    public bool FromImds { get; init; }

    public string InstanceType => Limits.InstanceType;
}
