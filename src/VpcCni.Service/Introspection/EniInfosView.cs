namespace VpcCni.Service.Introspection;

/// <summary>
/// One network card's pool in <c>/v1/enis</c>, shaped like upstream's <c>datastore.ENIInfos</c>
/// (upstream <c>pkg/ipamd/datastore/data_store.go</c>, <c>GetENIInfos</c>): totals and the ENIs by id.
/// </summary>
public sealed record EniInfosView(int TotalIPs, int AssignedIPs, IReadOnlyDictionary<string, EniView> ENIs);
