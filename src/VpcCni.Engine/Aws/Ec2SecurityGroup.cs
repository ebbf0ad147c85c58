namespace VpcCni.Engine.Aws;

/// <summary>A security group as DescribeSecurityGroups reports it (rules are not read).</summary>
public sealed record Ec2SecurityGroup
{
    public required string GroupId { get; init; }

    public string? GroupName { get; init; }

    public string? VpcId { get; init; }

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
