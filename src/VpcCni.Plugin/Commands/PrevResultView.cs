using System.Globalization;
using System.Net;
using VpcCni.Engine.Linux.Wiring;
using VpcCni.Plugin.Cni;

namespace VpcCni.Plugin.Commands;

/// <summary>
/// What a prevResult in upstream's shape says about a pod (upstream <c>cmd/routed-eni-cni-plugin/cni.go</c>
/// <c>teardownPodNetworkWithPrevResult</c>): the "dummy" entry's <c>mac</c> holds the VLAN id ("0" for
/// a pod on an ENI), its <c>sandbox</c> the device number, its <c>socketPath</c> the interface count;
/// each container interface's <c>pciID</c> holds its route table. Results written before the count
/// existed have one interface on table device + 1.
/// </summary>
internal sealed record PrevResultView(int VlanId, IReadOnlyList<PrevResultView.Attachment> Interfaces)
{
    /// <summary>Reads the view, or returns null when the result has no dummy entry of this pod or cannot be understood.</summary>
    public static PrevResultView? From(CniResult? result, KubernetesArgs pod, string ifName)
    {
        if (result?.Interfaces is null || !pod.HasPod)
        {
            return null;
        }

        var dummy = result.Interfaces.FirstOrDefault(i => i.Name == VethNames.DummyInterface(pod.PodNamespace, pod.PodName));
        if (dummy is null || !TryInt(dummy.Mac, out var vlanId))
        {
            return null;
        }

        var device = TryInt(dummy.Sandbox, out var d) ? d : 0;
        var count = 1;
        if (!string.IsNullOrEmpty(dummy.SocketPath) && (!TryInt(dummy.SocketPath, out count) || count < 1))
        {
            return null;
        }

        var interfaces = new List<Attachment>();
        for (var i = 0; i < count; i++)
        {
            var name = VethNames.ContainerInterface(ifName, i);
            var index = result.IndexOfInterface(name);
            var ips = result.IpsOf(index).ToList();
            if (index < 0 || ips.Count != 1 || !TryAddress(ips[0].Address, out var address))
            {
                return null;
            }

            var table = string.IsNullOrEmpty(dummy.SocketPath) || !TryInt(result.Interfaces[index].PciId, out var t) ? LegacyTable(device) : t;
            interfaces.Add(new Attachment(address, table, i));
        }

        return new PrevResultView(vlanId, interfaces);
    }

    /// <summary>
    /// Upstream's fallback is device + 1 for every device; device 0 (the primary ENI) routes through the
    /// main table, which has no from-pod rule, so the table only matters for the others.
    /// </summary>
    private static int LegacyTable(int device) => device <= 0 ? RouteTables.Main : device + 1;

    private static bool TryInt(string? text, out int value) => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>The address of a CIDR such as <c>10.0.0.20/32</c> (the result's <c>address</c>).</summary>
    internal static bool TryAddress(string? cidr, out IPAddress address)
    {
        address = IPAddress.None;
        var slash = cidr?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (slash <= 0 || !IPAddress.TryParse(cidr.AsSpan(0, slash), out var parsed))
        {
            return false;
        }

        address = parsed;
        return true;
    }

    /// <summary>One pod interface in the previous result.</summary>
    internal sealed record Attachment(IPAddress Address, int RouteTable, int Index);
}
