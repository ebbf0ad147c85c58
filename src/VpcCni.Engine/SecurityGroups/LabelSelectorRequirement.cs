namespace VpcCni.Engine.SecurityGroups;

/// <summary>One <c>matchExpressions</c> entry of a label selector.</summary>
/// <param name="Key">The label key.</param>
/// <param name="Operator">The operator as written (<c>In</c>, <c>NotIn</c>, <c>Exists</c>, <c>DoesNotExist</c>); anything else makes the selector invalid.</param>
/// <param name="Values">The values; non-empty for <c>In</c>/<c>NotIn</c>, empty for <c>Exists</c>/<c>DoesNotExist</c>.</param>
public sealed record LabelSelectorRequirement(string Key, string Operator, IReadOnlyList<string> Values)
{
    /// <summary>The operator, or null when <see cref="Operator"/> is not one of the four names (case matters, numbers do not count).</summary>
    public LabelSelectorOperator? ParsedOperator =>
        Enum.GetNames<LabelSelectorOperator>().Contains(Operator, StringComparer.Ordinal) ? Enum.Parse<LabelSelectorOperator>(Operator) : null;

    /// <summary>The requirement as Kubernetes prints it: <c>tier in (backend,db)</c>, <c>!legacy</c>.</summary>
    public override string ToString() => ParsedOperator is { } op
        ? op switch
        {
            LabelSelectorOperator.In => $"{Key} in ({string.Join(',', Values)})",
            LabelSelectorOperator.NotIn => $"{Key} notin ({string.Join(',', Values)})",
            LabelSelectorOperator.Exists => Key,
            _ => "!" + Key,
        }
        : $"{Key} {Operator} ({string.Join(',', Values)})";
}
