namespace VpcCni.Engine.Configuration;

/// <summary>
/// Who the node is and which endpoints it talks to or serves: EC2 and Kubernetes API endpoints,
/// the SDK timeout, introspection and metrics (docs/configuration.md).
/// </summary>
public sealed class EndpointOptions
{
    /// <summary>The upstream introspection address.</summary>
    public const string DefaultIntrospectionBindAddress = "127.0.0.1:61679";

    /// <summary><c>AWS_EC2_ENDPOINT</c>: EC2 endpoint override; null uses the regional endpoint.</summary>
    public Uri? Ec2Endpoint { get; set; }

    /// <summary><c>HTTP_TIMEOUT</c>: AWS SDK HTTP timeout, at least 10 s.</summary>
    public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary><c>CLUSTER_ENDPOINT</c>: API server URL, so start-up does not depend on kube-proxy.</summary>
    public Uri? ClusterEndpoint { get; set; }

    /// <summary><c>MY_NODE_NAME</c>: this node's Kubernetes name.</summary>
    public string NodeName { get; set; } = string.Empty;

    /// <summary><c>MY_POD_NAME</c>: the node agent's own pod name, used for Events (empty outside a pod).</summary>
    public string PodName { get; set; } = string.Empty;

    /// <summary><c>VPC_CNI_VERSION</c>: appended to the EC2 and Kubernetes user agents.</summary>
    public string VpcCniVersion { get; set; } = string.Empty;

    /// <summary><c>DISABLE_INTROSPECTION</c>.</summary>
    public bool DisableIntrospection { get; set; }

    /// <summary><c>INTROSPECTION_BIND_ADDRESS</c>: <c>host:port</c> or <c>unix:&lt;path&gt;</c>.</summary>
    public string IntrospectionBindAddress { get; set; } = DefaultIntrospectionBindAddress;

    /// <summary><c>DISABLE_METRICS</c>: no Prometheus endpoint on :61678.</summary>
    public bool DisableMetrics { get; set; }
}
