namespace VpcCni.Engine.Ipam.Execution;

/// <summary>
/// Options of <see cref="Ec2EniProvider"/>. Facts left empty are read from instance metadata on first
/// use, as upstream ipamd does at start-up (the primary ENI's subnet and security groups).
/// </summary>
public sealed class EniProviderOptions
{
    /// <summary>The instance to attach to; empty reads IMDS <c>instance-id</c>.</summary>
    public string? InstanceId { get; set; }

    /// <summary>The subnet of new ENIs; empty uses the primary ENI's subnet.</summary>
    public string? SubnetId { get; set; }

    /// <summary>Security groups of new ENIs; empty uses the primary ENI's groups.</summary>
    public IReadOnlyList<string> SecurityGroupIds { get; set; } = [];

    /// <summary>
    /// <c>ENABLE_SUBNET_DISCOVERY</c>: new ENIs go to the subnet of the node's VPC and zone with the most
    /// free addresses among the primary ENI's and those tagged <c>kubernetes.io/role/cni=1</c>
    /// (<see cref="Placement.SubnetDiscovery"/>); off, to the primary ENI's subnet. A configured
    /// <see cref="SubnetId"/> turns it off.
    /// </summary>
    public bool SubnetDiscovery { get; set; } = true;

    /// <summary>
    /// How long one <c>DescribeSubnets</c> answer serves further new ENIs. ENIs created side by side for
    /// a burst share one listing; a later ENI lists the subnets again, so free-address counts stay fresh.
    /// Zero lists them for every ENI, as upstream <c>createENI</c> does.
    /// </summary>
    public TimeSpan SubnetListingReuse { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary><c>AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG</c>: new ENIs take the subnet and groups of the node's ENIConfig.</summary>
    public bool CustomNetworking { get; set; }

    /// <summary><c>ENI_CONFIG_ANNOTATION_DEF</c>: the node annotation naming its ENIConfig.</summary>
    public string EniConfigAnnotationKey { get; set; } = Configuration.CustomNetworkingOptions.DefaultEniConfigKey;

    /// <summary><c>ENI_CONFIG_LABEL_DEF</c>: the node label naming its ENIConfig.</summary>
    public string EniConfigLabelKey { get; set; } = Configuration.CustomNetworkingOptions.DefaultEniConfigKey;

    /// <summary>The network card new ENIs are attached to.</summary>
    public int NetworkCard { get; set; }

    /// <summary>Device indexes a card offers; upstream tries indexes below its ENI limit.</summary>
    public int MaxDeviceIndex { get; set; } = 32;

    /// <summary><c>CLUSTER_NAME</c>: tagged on new ENIs as <c>cluster.k8s.amazonaws.com/name</c> when set.</summary>
    public string? ClusterName { get; set; }

    /// <summary><c>ADDITIONAL_ENI_TAGS</c>: extra tags of new ENIs.</summary>
    public IReadOnlyDictionary<string, string> AdditionalTags { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>How long to wait for IMDS to list a newly attached ENI and its addresses.</summary>
    public TimeSpan MetadataWaitTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Pause between two IMDS polls while waiting.</summary>
    public TimeSpan MetadataPollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Delete attempts after a detach while EC2 still reports the ENI in use.</summary>
    public int DeleteAttempts { get; set; } = 20;

    /// <summary>Pause between two delete attempts.</summary>
    public TimeSpan DeleteRetryInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A copy of these options for ENIs attached to <paramref name="networkCard"/>.</summary>
    public EniProviderOptions ForNetworkCard(int networkCard)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(networkCard);
        var copy = (EniProviderOptions)MemberwiseClone();
        copy.NetworkCard = networkCard;
        return copy;
    }
}
