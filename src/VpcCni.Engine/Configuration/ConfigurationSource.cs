namespace VpcCni.Engine.Configuration;

/// <summary>Where the effective value of a configuration variable came from.</summary>
public enum ConfigurationSource
{
    /// <summary>Nobody set it; the built-in default applies.</summary>
    Default = 0,

    /// <summary>The cluster-wide <c>kube-system/amazon-vpc-cni</c> ConfigMap.</summary>
    ConfigMap = 1,

    /// <summary>The node's own environment (the unit's <c>EnvironmentFile</c> or process environment).</summary>
    Environment = 2,
}
