namespace VpcCni.Engine.Configuration;

/// <summary>
/// Custom networking (ENIConfig), security groups for pods, network policy and pod annotation
/// settings (docs/configuration.md).
/// </summary>
public sealed class CustomNetworkingOptions
{
    /// <summary>The node label and annotation key upstream uses by default.</summary>
    public const string DefaultEniConfigKey = "k8s.amazonaws.com/eniConfig";

    /// <summary><c>AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG</c> (ConfigMap: <c>enable-custom-networking</c>): secondary ENIs use the node's ENIConfig.</summary>
    public bool CustomNetworkConfig { get; set; }

    /// <summary><c>ENI_CONFIG_ANNOTATION_DEF</c>: node annotation naming the ENIConfig; wins over the label.</summary>
    public string EniConfigAnnotationDef { get; set; } = DefaultEniConfigKey;

    /// <summary><c>ENI_CONFIG_LABEL_DEF</c>: node label naming the ENIConfig, e.g. <c>topology.kubernetes.io/zone</c>.</summary>
    public string EniConfigLabelDef { get; set; } = DefaultEniConfigKey;

    /// <summary><c>ENABLE_POD_ENI</c>: security groups for pods (trunk and branch ENIs).</summary>
    public bool EnablePodEni { get; set; }

    /// <summary><c>POD_SECURITY_GROUP_ENFORCING_MODE</c>.</summary>
    public PodSecurityGroupEnforcingMode PodSecurityGroupEnforcingMode { get; set; } = PodSecurityGroupEnforcingMode.Strict;

    /// <summary><c>NETWORK_POLICY_ENFORCING_MODE</c>; <see cref="NetworkPolicyEnforcingMode.Unset"/> skips the policy agent.</summary>
    public NetworkPolicyEnforcingMode NetworkPolicyEnforcingMode { get; set; } = NetworkPolicyEnforcingMode.Unset;

    /// <summary><c>ANNOTATE_POD_IP</c>: write <c>vpc.amazonaws.com/pod-ips</c> on ADD and clear it on DEL.</summary>
    public bool AnnotatePodIp { get; set; }
}
