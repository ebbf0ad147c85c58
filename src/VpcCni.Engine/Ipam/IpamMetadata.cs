namespace VpcCni.Engine.Ipam;

/// <summary>
/// What ipamd remembers about the pod behind an assignment: its namespace, its name and how many
/// interfaces (network cards) it was given. Written to the checkpoint as upstream's
/// <c>k8sPodNamespace</c>, <c>k8sPodName</c> and <c>interfacesCount</c>.
/// </summary>
public sealed record IpamMetadata(string PodNamespace, string PodName, int InterfacesCount = 1)
{
    /// <summary>Metadata for entries that carry none (pre-metadata checkpoints).</summary>
    public static IpamMetadata None { get; } = new(string.Empty, string.Empty, 0);
}
