namespace VpcCni.Engine.Aws.Workstation;

/// <summary>How <see cref="WorkstationEc2"/> reaches EC2: the names the AWS CLI and AWS.Tools use.</summary>
public sealed record WorkstationEc2Options
{
    /// <summary>The region; null for the profile's region (the module fills AWS_REGION / AWS_DEFAULT_REGION in first).</summary>
    public string? Region { get; init; }

    /// <summary>A named profile of the shared config/credentials files; null for the SDK's default chain (which honours AWS_PROFILE).</summary>
    public string? ProfileName { get; init; }

    /// <summary>EC2 endpoint override (as AWS_EC2_ENDPOINT), e.g. the simulator's.</summary>
    public string? Endpoint { get; init; }
}
