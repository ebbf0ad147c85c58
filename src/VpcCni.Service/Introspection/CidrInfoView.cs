namespace VpcCni.Service.Introspection;

/// <summary>A /32 secondary IP or /28 prefix in <c>/v1/enis</c> (upstream <c>datastore.CidrInfo</c>).</summary>
/// <param name="Cidr">The network as Go encodes a <c>net.IPNet</c>.</param>
/// <param name="IPAddresses">Addresses the datastore tracks in the CIDR, keyed by address.</param>
/// <param name="IsPrefix">A delegated prefix rather than a /32.</param>
/// <param name="AddressFamily"><c>4</c>.</param>
public sealed record CidrInfoView(IpNetView Cidr, IReadOnlyDictionary<string, AddressInfoView> IPAddresses, bool IsPrefix, string AddressFamily);
