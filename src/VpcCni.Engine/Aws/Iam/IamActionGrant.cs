namespace VpcCni.Engine.Aws.Iam;

/// <summary>One EC2 action of the catalogue: which families call it, who in the engine calls it, and on what it is granted.</summary>
public sealed record IamActionGrant
{
    public required Ec2Action Action { get; init; }

    /// <summary>The families whose nodes call the action; empty when the adapter implements it but nothing in the engine calls it, so it is never granted.</summary>
    public required IReadOnlyList<IamIpFamily> Families { get; init; }

    /// <summary>The engine code that calls it (or, for an action never granted, why not).</summary>
    public required string UsedBy { get; init; }

    public IReadOnlyList<IamResourceGrant> Resources { get; init; } = [new("*")];

    /// <summary>
    /// When set, the action is granted only as part of this one (the <c>ec2:CreateAction</c> condition):
    /// the engine tags ENIs in the CreateNetworkInterface request, and IAM checks <c>ec2:CreateTags</c> for it.
    /// </summary>
    public Ec2Action? OnlyDuring { get; init; }

    /// <summary>The IAM action name, <c>ec2:&lt;Action&gt;</c>.</summary>
    public string IamAction => "ec2:" + Action;

    /// <summary>True when nodes of <paramref name="family"/> call it.</summary>
    public bool IsGrantedFor(IamIpFamily family) => Families.Contains(family);
}
