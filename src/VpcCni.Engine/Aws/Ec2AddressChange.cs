using System.Net;

namespace VpcCni.Engine.Aws;

/// <summary>
/// The addresses and prefixes an assign or unassign call changed. Assign answers list only the newly
/// assigned items, which upstream adds straight to its pool (EC2 API reference, AssignPrivateIpAddresses).
/// </summary>
public sealed record Ec2AddressChange
{
    public required string NetworkInterfaceId { get; init; }

    public IReadOnlyList<IPAddress> Addresses { get; init; } = [];

    public IReadOnlyList<IPNetwork> Prefixes { get; init; } = [];
}
