namespace VpcCni.Simulator.Scenarios;

/// <summary>A security group of the scenario. The first one is the VPC default used when a create names none.</summary>
public sealed class ScenarioSecurityGroup
{
    public string? Id { get; set; }

    public string Name { get; set; } = "default";

    public string Description { get; set; } = "default VPC security group";
}
