namespace VpcCni.Service.Introspection;

/// <summary>
/// A tracked address in <c>/v1/enis</c> (upstream <c>datastore.AddressInfo</c>). Times are UTC;
/// a time that never happened is Go's zero time, <c>0001-01-01T00:00:00Z</c>.
/// </summary>
public sealed record AddressInfoView(string Address, IpamKeyView IPAMKey, IpamMetadataView IPAMMetadata, DateTime AssignedTime, DateTime UnassignedTime);
