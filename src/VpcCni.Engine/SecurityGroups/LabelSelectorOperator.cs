namespace VpcCni.Engine.SecurityGroups;

/// <summary>The operators of a label selector requirement (Kubernetes <c>metav1.LabelSelectorRequirement</c>).</summary>
public enum LabelSelectorOperator
{
    /// <summary>The label is present and its value is one of the values.</summary>
    In,

    /// <summary>The label is absent, or present with a value that is none of the values.</summary>
    NotIn,

    /// <summary>The label is present, whatever its value.</summary>
    Exists,

    /// <summary>The label is absent.</summary>
    DoesNotExist,
}
