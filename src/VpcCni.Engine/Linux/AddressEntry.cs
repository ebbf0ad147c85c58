using System.Net;

namespace VpcCni.Engine.Linux;

/// <summary>An address on a link (RTM_NEWADDR), e.g. <c>10.0.1.10/24 scope global dev eth1</c>.</summary>
public sealed record AddressEntry(int LinkIndex, IPAddress Address, int PrefixLength, RouteScope Scope = RouteScope.Universe)
{
    /// <summary>The address in CIDR form with its host bits kept, e.g. <c>10.0.1.10/24</c>.</summary>
    public override string ToString() => $"{Address}/{PrefixLength}";
}
