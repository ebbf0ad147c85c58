namespace VpcCni.Engine.Capacity;

/// <summary>Whether a max-pods figure counts /28 prefixes or secondary IPs, and why.</summary>
public enum PrefixDelegationMode
{
    /// <summary>Prefix delegation was not asked for: secondary-IP mode.</summary>
    NotRequested,

    /// <summary>Prefix delegation was asked for and applies: every IPv4 slot holds a /28 (16 addresses).</summary>
    Applied,

    /// <summary>
    /// Asked for, but the instance is neither Nitro nor bare metal, so ipamd falls back to secondary
    /// IPs (docs/configuration.md <c>ENABLE_PREFIX_DELEGATION</c>, upstream pkg/ipamd/ipamd.go <c>isConfigValid</c>).
    /// </summary>
    NotSupportedByInstanceType,

    /// <summary>Asked for, but the CNI version is older than 1.9.0, which introduced prefix delegation.</summary>
    NotSupportedByCniVersion,
}
