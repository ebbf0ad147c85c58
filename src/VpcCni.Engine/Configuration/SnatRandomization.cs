namespace VpcCni.Engine.Configuration;

/// <summary>
/// How the SNAT rule randomises source ports (<c>AWS_VPC_K8S_CNI_RANDOMIZESNAT</c>). The numeric
/// values are the ones the upstream <c>/v1/networkutils-env-settings</c> view reports.
/// </summary>
public enum SnatRandomization
{
    /// <summary><c>none</c>: the SNAT rule carries no randomisation flag.</summary>
    None = 0,

    /// <summary><c>hashrandom</c>: iptables <c>--random</c>.</summary>
    HashRandom = 1,

    /// <summary><c>prng</c>: iptables <c>--random-fully</c> (falls back to <c>--random</c> when unsupported).</summary>
    Prng = 2,
}
