namespace VpcCni.Engine.Ipam.Checkpoint;

/// <summary>Checkpoint file naming per network card (<c>AWS_VPC_K8S_CNI_BACKING_STORE</c>; upstream <c>pkg/ipamd/datastore/data_store.go</c> <c>InitializeDataStores</c>).</summary>
public static class CheckpointPaths
{
    /// <summary>Upstream's default backing store.</summary>
    public const string DefaultPath = "/var/run/aws-node/ipam.json";

    /// <summary>
    /// Card 0 uses <paramref name="basePath"/> itself; card N&gt;0 drops one trailing <c>.json</c> (ordinal,
    /// as Go's <c>strings.TrimSuffix</c>) and appends <c>-nic-N.json</c>, exactly as upstream names its
    /// files: <c>/var/run/aws-node/ipam.json</c> gives <c>ipam-nic-1.json</c>, <c>/var/lib/ipam.state</c>
    /// gives <c>ipam.state-nic-1.json</c>.
    /// </summary>
    public static string ForNetworkCard(string basePath, int networkCard)
    {
        ArgumentException.ThrowIfNullOrEmpty(basePath);
        ArgumentOutOfRangeException.ThrowIfNegative(networkCard);
        if (networkCard == 0)
        {
            return basePath;
        }

        const string Json = ".json";
        var stem = basePath.EndsWith(Json, StringComparison.Ordinal) ? basePath[..^Json.Length] : basePath;
        return $"{stem}-nic-{networkCard}{Json}";
    }
}
