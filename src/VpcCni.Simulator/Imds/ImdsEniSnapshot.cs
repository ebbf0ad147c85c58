namespace VpcCni.Simulator.Imds;

/// <summary>What IMDS shows for one MAC at one moment (EC2 User Guide, "Instance metadata categories"); values are already formatted.</summary>
internal sealed record ImdsEniSnapshot(
    string Mac,
    string InterfaceId,
    int DeviceNumber,
    int NetworkCard,
    string SubnetId,
    string SubnetIpv4Cidr,
    string? SubnetIpv6Cidr,
    string VpcId,
    IReadOnlyList<string> VpcIpv4Cidrs,
    string? VpcIpv6Cidr,
    IReadOnlyList<string> LocalIpv4s,
    IReadOnlyList<string> Ipv4Prefixes,
    IReadOnlyList<string> Ipv6s,
    IReadOnlyList<string> Ipv6Prefixes,
    IReadOnlyList<string> SecurityGroupIds,
    IReadOnlyList<string> SecurityGroupNames);
