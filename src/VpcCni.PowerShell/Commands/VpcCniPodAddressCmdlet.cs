using System.Management.Automation;
using VpcCni.Engine.Errors;
using VpcCni.Engine.PodAddresses;
using VpcCni.Engine.Rpc;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Base of the cmdlets that ask a node's IPAM socket for pod addresses and give them back
/// (<see cref="PodAddressClient"/>): the socket and the pod's namespace, bound by property name, so a
/// simulation object or an added address pipes in.
/// </summary>
public abstract class VpcCniPodAddressCmdlet : VpcCniCmdlet
{
    /// <summary>The pod's namespace.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("PodNamespace")]
    [ValidateNotNullOrEmpty]
    public string Namespace { get; set; } = "default";

    /// <summary>The node's IPAM socket (gRPC).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string IpamSocket { get; set; } = UnixSocketChannel.DefaultIpamSocketPath;

    /// <summary>Seconds one call may take; an empty pool makes the node wait for growth within it.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = 30;

    /// <summary>Runs one call on the socket and writes its result, or reports its error for that pod.</summary>
    protected void Call(string podName, Func<PodAddressClient, CancellationToken, Task<PodAddress>> call, string status, bool write)
    {
        ArgumentNullException.ThrowIfNull(call);
        var socket = GetUnresolvedProviderPathFromPSPath(IpamSocket);
        try
        {
            using var client = new PodAddressClient(socket, TimeSpan.FromSeconds(TimeoutSec));
            var result = Wait(new ValueTask<PodAddress>(call(client, CancellationToken)), MyInvocation.MyCommand.Name, $"{status} {Namespace}/{podName} on {socket}");
            if (write)
            {
                WriteObject(result);
            }
        }
        catch (VpcCniException ex)
        {
            WriteError(ErrorRecordFactory.Create(ex, $"{Namespace}/{podName}"));
        }
    }
}
