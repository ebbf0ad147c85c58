namespace VpcCni.Engine.Aws;

/// <summary>
/// What to describe: explicit ids (instance ids, ENI ids, subnet ids, group ids or instance-type
/// names, by action), filters, and an optional page size. The adapter follows <c>NextToken</c>
/// itself, so callers always get every match. EC2 refuses a page size together with ids
/// (<c>InvalidParameterCombination</c>), so a query may carry only one of them.
/// </summary>
public sealed record Ec2DescribeQuery
{
    /// <summary>Describes everything the caller may see.</summary>
    public static Ec2DescribeQuery All { get; } = new();

    public IReadOnlyList<string> Ids { get; init; } = [];

    public IReadOnlyList<Ec2Filter> Filters { get; init; } = [];

    /// <summary>EC2 <c>MaxResults</c> per page (5–1000; 5–100 for DescribeInstanceTypes), or null for EC2's default.</summary>
    public int? PageSize { get; init; }

    /// <summary>A query for the given ids.</summary>
    public static Ec2DescribeQuery ForIds(params string[] ids) => new() { Ids = ids };

    /// <summary>A query with the given filters.</summary>
    public static Ec2DescribeQuery Where(params Ec2Filter[] filters) => new() { Filters = filters };
}
