namespace VpcCni.Simulator.Ec2;

/// <summary>An EC2 action the simulator serves: its throttle class and handler.</summary>
internal sealed record Ec2Action(string Name, Ec2ThrottleClass Throttle, Action<Ec2Call> Handler)
{
    /// <summary>Describe calls that AWS charges to the smaller bucket when unfiltered and unpaginated (EC2 API Reference, "Request throttling for the Amazon EC2 API").</summary>
    public bool HasUnfilteredBucket => Name is "DescribeInstances" or "DescribeNetworkInterfaces" or "DescribeSecurityGroups";
}
