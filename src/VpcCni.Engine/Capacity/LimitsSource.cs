namespace VpcCni.Engine.Capacity;

/// <summary>Where the ENI, IPv4-per-ENI and vCPU figures of a capacity calculation came from.</summary>
public enum LimitsSource
{
    /// <summary>Every figure is the built-in instance-type table's.</summary>
    BuiltInTable,

    /// <summary>A known type, with at least one figure replaced by a value the caller gave.</summary>
    BuiltInTableWithOverrides,

    /// <summary>The type is not in the built-in table; the caller gave the figures.</summary>
    Explicit,

    /// <summary>Every figure is EC2 <c>DescribeInstanceTypes</c>'s, for a type the table does not know.</summary>
    Ec2,

    /// <summary>A type resolved through EC2, with at least one figure replaced by a value the caller gave.</summary>
    Ec2WithOverrides,
}
