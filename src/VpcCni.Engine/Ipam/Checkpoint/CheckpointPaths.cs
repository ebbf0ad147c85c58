namespace VpcCni.Engine.Ipam.Checkpoint;

/// <summary>Checkpoint file naming per network card (<c>AWS_VPC_K8S_CNI_BACKING_STORE</c>; upstream <c>pkg/ipamd/datastore/data_store.go</c> <c>InitializeDataStores</c>).</summary>
public static class CheckpointPaths
{
    /// <summary>Upstream's default backing store.</summary>
    public const string DefaultPath = "/var/run/aws-node/ipam.json";

    /// <summary>
    /// Card 0 uses <paramref name="basePath"/> itself; card N&gt;0 uses <c>&lt;base&gt;-nic-N.json</c>,
    /// e.g. <c>/var/run/aws-node/ipam-nic-1.json</c>.
    /// </summary>
    public static string ForNetworkCard(string basePath, int networkCard)
    {
        ArgumentException.ThrowIfNullOrEmpty(basePath);
        ArgumentOutOfRangeException.ThrowIfNegative(networkCard);
        if (networkCard == 0)
        {
            return basePath;
        }

        var extension = Path.GetExtension(basePath);
        var stem = basePath[..^extension.Length];
        return $"{stem}-nic-{networkCard}{(extension.Length == 0 ? ".json" : extension)}";
    }
}
