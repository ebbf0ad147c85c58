namespace VpcCni.Engine.Ipam;

/// <summary>
/// The identity of one pod interface's address, following the CNI spec's
/// "(network name, CNI_CONTAINERID, CNI_IFNAME)" triple (CNI spec SPEC.md, "Parameters"; upstream <c>data_store.go</c> <c>IPAMKey</c>).
/// The default value is the empty key, which marks an address as unassigned.
/// </summary>
public readonly record struct IpamKey(string NetworkName, string ContainerId, string InterfaceName)
{
    /// <summary>True for the default (unassigned) key.</summary>
    public bool IsEmpty =>
        string.IsNullOrEmpty(NetworkName) && string.IsNullOrEmpty(ContainerId) && string.IsNullOrEmpty(InterfaceName);

    /// <summary>True when every part is present, as the CNI spec requires of a runtime.</summary>
    public bool IsComplete =>
        !string.IsNullOrEmpty(NetworkName) && !string.IsNullOrEmpty(ContainerId) && !string.IsNullOrEmpty(InterfaceName);

    public override string ToString() => $"{NetworkName}/{ContainerId}/{InterfaceName}";
}
