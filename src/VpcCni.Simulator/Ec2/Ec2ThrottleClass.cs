namespace VpcCni.Simulator.Ec2;

/// <summary>The token-bucket categories of AWS "Request throttling for the Amazon EC2 API" (EC2 API Reference, "Request throttling for the Amazon EC2 API").</summary>
internal enum Ec2ThrottleClass
{
    /// <summary>Describe* and friends: 100 tokens, 20/s (an unfiltered, unpaginated call of a heavy Describe uses 50, 10/s).</summary>
    NonMutating,

    /// <summary>Default mutating actions (attach, detach): 50 tokens, 5/s.</summary>
    Mutating,

    /// <summary>Own bucket of 100 tokens, 5/s (CreateNetworkInterface, Assign…, Modify…).</summary>
    Uncategorized5,

    /// <summary>Own bucket of 100 tokens, 10/s (CreateTags, DeleteTags).</summary>
    Uncategorized10,
}
