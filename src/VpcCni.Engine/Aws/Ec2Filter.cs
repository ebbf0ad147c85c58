namespace VpcCni.Engine.Aws;

/// <summary>
/// One EC2 describe filter: values are OR-ed, separate filters are AND-ed, values may use the
/// <c>*</c> and <c>?</c> wildcards (EC2 API "Filter"). Names are EC2's, e.g. <c>vpc-id</c>,
/// <c>attachment.instance-id</c>, <c>tag:Name</c> or <c>tag-key</c>.
/// </summary>
/// <param name="Name">The filter name.</param>
/// <param name="Values">One or more accepted values.</param>
public sealed record Ec2Filter(string Name, IReadOnlyList<string> Values)
{
    /// <summary>A filter with the given values.</summary>
    public static Ec2Filter Of(string name, params string[] values) => new(name, values);

    /// <summary>A filter on a tag's value (<c>tag:&lt;key&gt;</c>).</summary>
    public static Ec2Filter Tag(string key, params string[] values) => new("tag:" + key, values);
}
