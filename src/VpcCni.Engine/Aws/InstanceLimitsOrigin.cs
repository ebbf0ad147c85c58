namespace VpcCni.Engine.Aws;

/// <summary>Where <see cref="InstanceLimitsLookup"/> found an instance type's limits.</summary>
public enum InstanceLimitsOrigin
{
    /// <summary>The built-in table (<see cref="Limits.InstanceTypeCatalog.Embedded"/>); no network call.</summary>
    BuiltInTable,

    /// <summary>EC2 <c>DescribeInstanceTypes</c>, because the table does not know the type.</summary>
    Ec2,
}
