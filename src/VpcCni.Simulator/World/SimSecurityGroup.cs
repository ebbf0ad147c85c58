namespace VpcCni.Simulator.World;

/// <summary>A security group (only its identity matters to the CNI).</summary>
public sealed class SimSecurityGroup
{
    internal SimSecurityGroup(string id, string name, string description, string vpcId)
    {
        Id = id;
        Name = name;
        Description = description;
        VpcId = vpcId;
    }

    public string Id { get; }

    public string Name { get; }

    public string Description { get; }

    public string VpcId { get; }

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}
