namespace VpcCni.Service.Introspection;

/// <summary>
/// <c>/v1/eni-configs</c> in the shape of upstream's <c>eniconfig.ENIConfigInfo</c>: the ENIConfigs
/// known by name (from the node's ENIConfig source) and the one this node's labels and annotations
/// pick; <c>default</c> when none names one.
/// </summary>
public sealed record EniConfigInfoView(IReadOnlyDictionary<string, EniConfigSpecView> ENI, string MyENI);
