namespace VpcCni.Engine.Aws.Iam;

/// <summary>The address family a node runs in (<c>ENABLE_IPv4</c>/<c>ENABLE_IPv6</c>), which decides the EC2 actions it calls.</summary>
public enum IamIpFamily
{
    /// <summary>Secondary IPv4 addresses or /28 prefixes on ENIs the node creates and attaches.</summary>
    IPv4,

    /// <summary>One IPv6 prefix on the primary ENI; no ENI is created (upstream <c>docs/iam-policy.md</c>, "IPv6 mode").</summary>
    IPv6,
}
