namespace VpcCni.Engine.Aws;

/// <summary>One tag of one resource, as DescribeTags reports it.</summary>
/// <param name="ResourceId">The tagged resource, e.g. <c>i-…</c> or <c>eni-…</c>.</param>
/// <param name="ResourceType">EC2's resource type, e.g. <c>instance</c> or <c>network-interface</c>.</param>
/// <param name="Key">The tag key.</param>
/// <param name="Value">The tag value (empty when none was set).</param>
public sealed record Ec2TagDescription(string ResourceId, string ResourceType, string Key, string Value);
