namespace VpcCni.Engine.Linux.PacketFilter;

/// <summary>
/// How the SNAT rule picks source ports (<c>AWS_VPC_K8S_CNI_RANDOMIZESNAT</c>, reference-system.md §1b).
/// </summary>
public enum SnatRandomization
{
    /// <summary>No flag: the kernel keeps the source port when it can.</summary>
    None,

    /// <summary><c>--random</c>: source ports come from a hash (upstream value <c>hashrandom</c>).</summary>
    HashRandom,

    /// <summary>
    /// <c>--random-fully</c>: source ports come from a PRNG (upstream value <c>prng</c>, the default);
    /// falls back to <c>--random</c> when the installed iptables cannot express it.
    /// </summary>
    Prng,
}
