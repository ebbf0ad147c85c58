using System.Net;

namespace VpcCni.Engine.Aws;

/// <summary>
/// The instance-metadata port (IMDSv2, EC2 user guide "Use the Instance Metadata Service"). A path IMDS answers with 404 is absent:
/// scalars come back null and lists empty, never an exception. Per-ENI values are read fresh on
/// every call (IMDS lags EC2 after attach/assign, see docs/aws.md), so callers may poll.
/// <c>mac</c> parameters are the lower-case <c>xx:xx:xx:xx:xx:xx</c> form IMDS lists.
/// </summary>
public interface IInstanceMetadata
{
    /// <summary>The region: <c>placement/region</c>, else the identity document's <c>region</c>.</summary>
    Task<string?> GetRegionAsync(CancellationToken cancellationToken);

    Task<string?> GetAvailabilityZoneAsync(CancellationToken cancellationToken);

    Task<string?> GetInstanceIdAsync(CancellationToken cancellationToken);

    Task<string?> GetInstanceTypeAsync(CancellationToken cancellationToken);

    /// <summary>The primary ENI's primary IPv4 address (absent on IPv6-only instances).</summary>
    Task<IPAddress?> GetLocalIpv4Async(CancellationToken cancellationToken);

    /// <summary>The primary ENI's first IPv6 address, if any.</summary>
    Task<IPAddress?> GetIpv6Async(CancellationToken cancellationToken);

    /// <summary>The primary ENI's MAC address.</summary>
    Task<string?> GetPrimaryMacAsync(CancellationToken cancellationToken);

    /// <summary>The MACs of every ENI IMDS currently lists.</summary>
    Task<IReadOnlyList<string>> GetMacsAsync(CancellationToken cancellationToken);

    /// <summary>The keys IMDS lists for one ENI (tells IPv4/IPv6/EFA-only and multi-card ENIs apart).</summary>
    Task<IReadOnlyList<string>> GetInterfaceKeysAsync(string mac, CancellationToken cancellationToken);

    Task<string?> GetInterfaceIdAsync(string mac, CancellationToken cancellationToken);

    /// <summary>The device index of the ENI on its card, or null when not (yet) listed.</summary>
    Task<int?> GetDeviceNumberAsync(string mac, CancellationToken cancellationToken);

    /// <summary>The ENI's network card; IMDS publishes it only on multi-card types, so absent means 0.</summary>
    Task<int> GetNetworkCardAsync(string mac, CancellationToken cancellationToken);

    Task<string?> GetSubnetIdAsync(string mac, CancellationToken cancellationToken);

    Task<IPNetwork?> GetSubnetIpv4CidrBlockAsync(string mac, CancellationToken cancellationToken);

    Task<IReadOnlyList<IPNetwork>> GetSubnetIpv6CidrBlocksAsync(string mac, CancellationToken cancellationToken);

    Task<string?> GetVpcIdAsync(string mac, CancellationToken cancellationToken);

    Task<IReadOnlyList<IPNetwork>> GetVpcIpv4CidrBlocksAsync(string mac, CancellationToken cancellationToken);

    Task<IReadOnlyList<IPNetwork>> GetVpcIpv6CidrBlocksAsync(string mac, CancellationToken cancellationToken);

    /// <summary>The ENI's private IPv4 addresses, the primary first.</summary>
    Task<IReadOnlyList<IPAddress>> GetLocalIpv4sAsync(string mac, CancellationToken cancellationToken);

    Task<IReadOnlyList<IPNetwork>> GetIpv4PrefixesAsync(string mac, CancellationToken cancellationToken);

    Task<IReadOnlyList<IPAddress>> GetIpv6sAsync(string mac, CancellationToken cancellationToken);

    Task<IReadOnlyList<IPNetwork>> GetIpv6PrefixesAsync(string mac, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> GetSecurityGroupIdsAsync(string mac, CancellationToken cancellationToken);

    /// <summary>
    /// Every ENI IMDS lists, with its IMDS view, ordered by card then device number. An ENI whose
    /// <c>interface-id</c> or <c>device-number</c> is not yet published (attach in progress) is left out.
    /// </summary>
    Task<IReadOnlyList<ImdsNetworkInterface>> GetAttachedNetworkInterfacesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reads any metadata path relative to <c>/latest/</c> (e.g. <c>meta-data/ami-id</c>); null on 404.
    /// </summary>
    Task<string?> GetRawAsync(string relativePath, CancellationToken cancellationToken);
}
