using System.Net.NetworkInformation;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Linux.Wiring;

namespace VpcCni.Service.SecurityGroups;

/// <summary>The link with the ENI's MAC address in the service's network namespace, found as the ENI set-up finds it.</summary>
internal sealed class NetlinkEniLinkIndex(HostEniNetwork host) : IEniLinkIndex
{
    public async Task<int> LinkIndexOfAsync(ImdsNetworkInterface eni, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eni);
        var link = await host.FindLinkByMacAsync(PhysicalAddress.Parse(eni.MacAddress.Replace(':', '-')), cancellationToken).ConfigureAwait(false);
        return link.Index;
    }
}
