using VpcCni.Engine.Aws.Iam;
using VpcCni.Engine.Introspection;

namespace VpcCni.Engine.Diagnostics.Checks;

/// <summary>Where a check run reads the node: its introspection endpoint, EC2, IMDS, its checkpoint and its network namespace.</summary>
public sealed record NodeCheckOptions
{
    /// <summary>The node's introspection endpoint (URL, host:port or unix:/path).</summary>
    public string IntrospectionEndpoint { get; init; } = Introspection.IntrospectionEndpoint.DefaultIntrospection;

    /// <summary>EC2 endpoint override (as <c>AWS_EC2_ENDPOINT</c>); null for the region's endpoint.</summary>
    public string? Ec2Endpoint { get; init; }

    /// <summary>The region; null reads it from instance metadata.</summary>
    public string? Region { get; init; }

    /// <summary>A named profile of the shared AWS config and credentials files; null for the SDK's default chain.</summary>
    public string? ProfileName { get; init; }

    public string ImdsEndpoint { get; init; } = "http://169.254.169.254";

    /// <summary>The node's checkpoint file.</summary>
    public string CheckpointPath { get; init; } = Ipam.Checkpoint.CheckpointPaths.DefaultPath;

    /// <summary>The network namespace the kernel checks read (an <c>ip netns</c> name or a path); null for the current one.</summary>
    public string? NetworkNamespace { get; init; }

    public NodeHostNetworkKind HostNetwork { get; init; } = NodeHostNetworkKind.Auto;

    /// <summary>The family whose IAM actions the permission check probes.</summary>
    public IamIpFamily IpFamily { get; init; } = IamIpFamily.IPv4;

    /// <summary>The cluster of the node (<c>CLUSTER_NAME</c>), for the remedy policy statements.</summary>
    public string? ClusterName { get; init; }

    /// <summary>How long one request may take.</summary>
    public TimeSpan Timeout { get; init; } = IntrospectionClient.DefaultTimeout;
}
