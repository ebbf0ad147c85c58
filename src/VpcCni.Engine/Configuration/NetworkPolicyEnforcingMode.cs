namespace VpcCni.Engine.Configuration;

/// <summary>
/// The network-policy mode the plugin announces to the network-policy agent
/// (<c>NETWORK_POLICY_ENFORCING_MODE</c>). <see cref="Unset"/> means the plugin skips the agent.
/// </summary>
public enum NetworkPolicyEnforcingMode
{
    /// <summary>The variable is absent or empty: no calls to the network-policy agent.</summary>
    Unset = 0,

    /// <summary><c>none</c>.</summary>
    None = 1,

    /// <summary><c>strict</c>: new pods are denied all traffic until policies are applied.</summary>
    Strict = 2,

    /// <summary><c>standard</c>: new pods are allowed all traffic until policies are applied.</summary>
    Standard = 3,
}
