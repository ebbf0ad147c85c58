namespace VpcCni.Engine.Configuration;

/// <summary>
/// The upstream environment-variable names (docs/configuration.md). ConfigMap keys follow from them
/// (see <see cref="ConfigurationVariable.ConfigMapKey"/>).
/// </summary>
public static class VpcCniVariableNames
{
    // Warm pool and IPAM
    public const string WarmEniTarget = "WARM_ENI_TARGET";
    public const string WarmIpTarget = "WARM_IP_TARGET";
    public const string MinimumIpTarget = "MINIMUM_IP_TARGET";
    public const string WarmPrefixTarget = "WARM_PREFIX_TARGET";
    public const string MaxEni = "MAX_ENI";
    public const string EnablePrefixDelegation = "ENABLE_PREFIX_DELEGATION";
    public const string IpCooldownPeriod = "IP_COOLDOWN_PERIOD";
    public const string BackingStore = "AWS_VPC_K8S_CNI_BACKING_STORE";
    public const string DisableNetworkResourceProvisioning = "DISABLE_NETWORK_RESOURCE_PROVISIONING";
    public const string EnableImdsOnlyMode = "ENABLE_IMDS_ONLY_MODE";
    public const string DisableLeakedEniCleanup = "DISABLE_LEAKED_ENI_CLEANUP";
    public const string ManageEnisNonSchedulable = "AWS_MANAGE_ENIS_NON_SCHEDULABLE";
    public const string EnableSubnetDiscovery = "ENABLE_SUBNET_DISCOVERY";
    public const string ManageUntaggedEni = "MANAGE_UNTAGGED_ENI";
    public const string EnableMultiNic = "ENABLE_MULTI_NIC";
    public const string ClusterName = "CLUSTER_NAME";
    public const string AdditionalEniTags = "ADDITIONAL_ENI_TAGS";
    public const string Ec2Endpoint = "AWS_EC2_ENDPOINT";
    public const string HttpTimeout = "HTTP_TIMEOUT";
    public const string NodeName = "MY_NODE_NAME";
    public const string PodName = "MY_POD_NAME";
    public const string VpcCniVersion = "VPC_CNI_VERSION";
    public const string ClusterEndpoint = "CLUSTER_ENDPOINT";

    // Networking and SNAT
    public const string ExternalSnat = "AWS_VPC_K8S_CNI_EXTERNALSNAT";
    public const string ExcludeSnatCidrs = "AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS";
    public const string RandomizeSnat = "AWS_VPC_K8S_CNI_RANDOMIZESNAT";
    public const string NodePortSupport = "AWS_VPC_CNI_NODE_PORT_SUPPORT";
    public const string Connmark = "AWS_VPC_K8S_CNI_CONNMARK";
    public const string ExternalServiceCidrs = "AWS_EXTERNAL_SERVICE_CIDRS";
    public const string EniMtu = "AWS_VPC_ENI_MTU";
    public const string PodMtu = "POD_MTU";
    public const string VethPrefix = "AWS_VPC_K8S_CNI_VETHPREFIX";
    public const string EnableIpv4 = "ENABLE_IPv4";
    public const string EnableIpv6 = "ENABLE_IPv6";
    public const string EnableV6Egress = "ENABLE_V6_EGRESS";
    public const string EnableV4Egress = "ENABLE_V4_EGRESS";
    public const string DisablePodV6 = "DISABLE_POD_V6";
    public const string EnableBandwidthPlugin = "ENABLE_BANDWIDTH_PLUGIN";
    public const string DisableTcpEarlyDemux = "DISABLE_TCP_EARLY_DEMUX";
    public const string ConfigureRpFilter = "AWS_VPC_K8S_CNI_CONFIGURE_RPFILTER";
    public const string EnableNftables = "ENABLE_NFTABLES";

    // Custom networking, security groups for pods, network policy
    public const string CustomNetworkConfig = "AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG";
    public const string EniConfigAnnotationDef = "ENI_CONFIG_ANNOTATION_DEF";
    public const string EniConfigLabelDef = "ENI_CONFIG_LABEL_DEF";
    public const string EnablePodEni = "ENABLE_POD_ENI";
    public const string PodSecurityGroupEnforcingMode = "POD_SECURITY_GROUP_ENFORCING_MODE";
    public const string NetworkPolicyEnforcingMode = "NETWORK_POLICY_ENFORCING_MODE";
    public const string AnnotatePodIp = "ANNOTATE_POD_IP";

    // Logging, endpoints, paths
    public const string LogLevel = "AWS_VPC_K8S_CNI_LOGLEVEL";
    public const string LogFile = "AWS_VPC_K8S_CNI_LOG_FILE";
    public const string PluginLogFile = "AWS_VPC_K8S_PLUGIN_LOG_FILE";
    public const string PluginLogLevel = "AWS_VPC_K8S_PLUGIN_LOG_LEVEL";
    public const string EgressV4PluginLogFile = "AWS_VPC_K8S_EGRESS_V4_PLUGIN_LOG_FILE";
    public const string EgressV6PluginLogFile = "AWS_VPC_K8S_EGRESS_V6_PLUGIN_LOG_FILE";
    public const string DisableIntrospection = "DISABLE_INTROSPECTION";
    public const string IntrospectionBindAddress = "INTROSPECTION_BIND_ADDRESS";
    public const string DisableMetrics = "DISABLE_METRICS";
    public const string HostCniBinPath = "HOST_CNI_BIN_PATH";
    public const string HostCniConfDirPath = "HOST_CNI_CONFDIR_PATH";

    /// <summary>ConfigMap-only key from the EKS guide: <c>"false"</c> means a cooldown of zero.</summary>
    public const string EnableIpCooldownKey = "enable-ip-cooldown";
}
