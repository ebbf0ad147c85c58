namespace VpcCni.Engine.Aws.Iam;

/// <summary>One Allow statement of an IAM policy (IAM User Guide, "IAM JSON policy elements reference").</summary>
public sealed record IamPolicyStatement
{
    public required string Sid { get; init; }

    public string Effect { get; init; } = "Allow";

    /// <summary>IAM action names, <c>ec2:…</c>.</summary>
    public required IReadOnlyList<string> Action { get; init; }

    /// <summary>ARN patterns, or <c>*</c>.</summary>
    public required IReadOnlyList<string> Resource { get; init; }

    /// <summary>Operator → key → value (<c>StringEquals</c> → <c>aws:ResourceTag/…</c> → cluster); empty when unconditioned.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Condition { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
}
