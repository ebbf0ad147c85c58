namespace VpcCni.Engine.Aws.Iam;

/// <summary>A generated identity policy: paste <see cref="ToJson"/> into <c>aws iam create-policy --policy-document</c>.</summary>
public sealed record IamPolicyDocument
{
    /// <summary>The policy language version every current policy uses.</summary>
    public const string CurrentVersion = "2012-10-17";

    public string Version { get; init; } = CurrentVersion;

    public required IReadOnlyList<IamPolicyStatement> Statement { get; init; }

    /// <summary>The family the policy was generated for.</summary>
    public IamIpFamily IpFamily { get; init; }

    /// <summary>The cluster the mutations are narrowed to, or null.</summary>
    public string? ClusterName { get; init; }

    /// <summary>Every IAM action the document grants, once each, sorted.</summary>
    public IReadOnlyList<string> Actions => [.. Statement.SelectMany(s => s.Action).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The document as IAM reads it (indented JSON with only Version and Statement).</summary>
    public string ToJson() => IamPolicyJson.Write(this);
}
