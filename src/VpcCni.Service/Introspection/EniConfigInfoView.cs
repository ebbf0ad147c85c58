namespace VpcCni.Service.Introspection;

/// <summary>
/// <c>/v1/eni-configs</c> in the shape of upstream's <c>eniconfig.ENIConfigInfo</c>: the ENIConfigs
/// known by name and the one this node uses. Without custom networking there are none, and the
/// node's is <c>default</c>.
/// </summary>
public sealed record EniConfigInfoView(IReadOnlyDictionary<string, EniConfigSpecView> ENI, string MyENI);
