using System.Net.Sockets;
using VpcCni.Engine.Linux;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Plugin.Tests.Runtime;

/// <summary>
/// The in-process EC2/IMDS simulator listening on the loopback of a throwaway node namespace, where
/// the node service runs: a service inside that namespace cannot reach 127.0.0.1 of the test's own.
/// A socket belongs to the namespace of the thread that created it (network_namespaces(7)), so the
/// simulator is started on a thread that entered the node namespace (<see cref="NetNs.Run{T}"/>);
/// Kestrel binds its listeners before its start-up completes. The start is then proven from inside
/// the namespace: a connection to each endpoint must succeed there.
/// </summary>
public static class NamespacedSimulator
{
    /// <summary>Starts <paramref name="scenario"/> inside <paramref name="nodeNamespace"/> and checks it is reachable there.</summary>
    public static async Task<SimulatorServer> StartAsync(NetNs netNs, string nodeNamespace, Scenario scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(netNs);
        var sim = netNs.Run(nodeNamespace, () => SimulatorServer.StartAsync(new SimulatorOptions { Scenario = scenario }, cancellationToken).GetAwaiter().GetResult());
        try
        {
            foreach (var endpoint in new[] { sim.Ec2Endpoint, sim.ImdsEndpoint })
            {
                if (!netNs.Run(nodeNamespace, () => Reachable(endpoint)))
                {
                    throw new InvalidOperationException($"The simulator started, but {endpoint} does not answer inside {nodeNamespace}: Kestrel bound it outside the namespace.");
                }
            }

            return sim;
        }
        catch
        {
            await sim.DisposeAsync();
            throw;
        }
    }

    private static bool Reachable(Uri endpoint)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Connect(endpoint.Host, endpoint.Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
