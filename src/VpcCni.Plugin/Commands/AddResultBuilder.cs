using System.Globalization;
using System.Net.NetworkInformation;
using VpcCni.Engine.Linux.Wiring;
using VpcCni.Engine.Rpc;
using VpcCni.Plugin.Cni;

namespace VpcCni.Plugin.Commands;

/// <summary>
/// The ADD result in upstream's shape (upstream <c>cmd/routed-eni-cni-plugin/cni.go</c> <c>add</c>), so that
/// DEL can tear the pod down from it without the service and a node moved between the two plugins
/// keeps working: per interface the host veth, then the container interface (sandbox = netns, pciID =
/// route table), then the "dummy" entry; each address points at its container interface.
/// </summary>
internal static class AddResultBuilder
{
    public static CniResult Build(CommandContext context, AddNetworkReply reply, IReadOnlyList<(PodNetworkRequest Request, PodWiringResult Wired)> wired)
    {
        var version = context.Conf.CniVersion;
        var interfaces = new List<CniInterface>();
        var ips = new List<CniIpConfig>();
        foreach (var (request, result) in wired)
        {
            interfaces.Add(new CniInterface { Name = result.HostVeth, Mac = Mac(result.HostMac) });
            interfaces.Add(new CniInterface
            {
                Name = result.PodInterface,
                Mac = result.PodMac is null ? null : Mac(result.PodMac),
                Sandbox = context.Env.Netns,
                PciId = request.RouteTable.ToString(CultureInfo.InvariantCulture),
            });
            ips.Add(new CniIpConfig
            {
                Version = CniVersions.IpsCarryVersion(version) ? "4" : null,
                Address = $"{request.PodIp}/32",
                Gateway = reply.PodVlanId != 0 && reply.PodENISubnetGW.Length > 0 ? reply.PodENISubnetGW : null,
                Interface = interfaces.Count - 1,
            });
        }

        var first = wired[0].Request;
        interfaces.Add(reply.PodVlanId != 0
            ? new CniInterface { Name = VethNames.DummyInterface(first.PodNamespace, first.PodName), Mac = reply.PodVlanId.ToString(CultureInfo.InvariantCulture) }
            : new CniInterface
            {
                Name = VethNames.DummyInterface(first.PodNamespace, first.PodName),
                Mac = "0",
                Sandbox = reply.IPAllocationMetadata[0].DeviceNumber.ToString(CultureInfo.InvariantCulture),
                SocketPath = wired.Count.ToString(CultureInfo.InvariantCulture),
            });

        return new CniResult
        {
            CniVersion = version,
            Interfaces = interfaces,
            Ips = ips,
            Routes = [new CniRoute { Destination = "0.0.0.0/0", Gateway = first.Gateway.ToString() }],
            Dns = new CniDns(),
        };
    }

    /// <summary>Lower-case colon-separated, as the kernel and Go's net.HardwareAddr print it.</summary>
    private static string Mac(PhysicalAddress mac) =>
        string.Join(':', mac.GetAddressBytes().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
}
