using System.Net;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Ipam;
using VpcCni.Service.Tests.Node.Support;
using VpcCni.Service.Tests.Support;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Service.Tests.Metrics;

/// <summary>
/// One real node against the in-process simulator, driven once for the tests that read its metrics:
/// initialisation, growth, an ENI creation EC2 refuses once (InternalError), a pod added, an address
/// unassigned behind the node's back whose first reconciliation fails (InternalError on
/// DescribeNetworkInterfaces) and whose second removes it, then the pod deleted. <see cref="First"/> is scraped once the
/// primary ENI is full, <see cref="Last"/> at the end.
/// </summary>
public sealed class NodeMetricsScenario : IAsyncLifetime
{
    private SimulatorServer? _sim;
    private TempDirectory? _directory;
    private NodeHarness? _node;

    public string First { get; private set; } = string.Empty;

    public string Last { get; private set; } = string.Empty;

    /// <summary>ENIs of the instance type less unmanaged ones, and the addresses they hold (upstream's eni_max and ip_max).</summary>
    public (int Enis, int Ips) Capacity { get; private set; }

    public async Task InitializeAsync()
    {
        _sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = Scenario.Default() }, CancellationToken.None);
        _sim.InjectFault(new FaultRule { Action = "CreateNetworkInterface", ErrorCode = "InternalError", Count = 1 });
        _directory = new TempDirectory();
        var ports = HttpListeners.Allocate();
        _node = await NodeHarness.StartAsync(_sim, _directory, ports.Settings(new Dictionary<string, string?>
        {
            ["DISABLE_INTROSPECTION"] = "true",
            ["NodeReconcile:Interval"] = "00:00:00.200",
        }));
        var node = _node;
        await NodeHarness.EventuallyAsync(() => node.CidrsPerEni.SequenceEqual([9]), "the primary ENI holds 9 addresses");
        First = await MetricsScrape.GetAsync(ports.Metrics);

        await node.Cni.AddNetworkAsync(ServiceHarness.AddRequest("pod-1"));
        await NodeHarness.EventuallyAsync(() => node.CidrsPerEni.SequenceEqual([9, 9]), "a second ENI is attached after one refused creation");

        // An address the node does not use leaves the primary ENI; EC2 fails the first reconciliation's describe.
        var (ec2, client) = NodeHarness.Ec2(_sim);
        using (client)
        {
            var primary = node.Datastore.Snapshot().Enis.Single(e => e.Descriptor.IsPrimary);
            var free = primary.Cidrs.First(c => c.IsFree).Network.BaseAddress;
            _sim.InjectFault(new FaultRule { Action = "DescribeNetworkInterfaces", ErrorCode = "InternalError", Count = 1 });
            await ec2.UnassignPrivateIpAddressesAsync(
                new Ec2UnassignPrivateIpRequest { NetworkInterfaceId = primary.Descriptor.Id, PrivateIpAddresses = [free] }, CancellationToken.None);
            await NodeHarness.EventuallyAsync(() => !Holds(node.Datastore, free), $"reconciliation removes {free}");
        }

        // Deleted last: with the pod gone the second ENI becomes surplus and the loop may free it.
        await node.Cni.DelNetworkAsync(ServiceHarness.DelRequest("pod-1"));

        var facts = node.Readiness.Facts!;
        var enis = facts.Limits.EniLimit - facts.UnmanagedEniIds.Count;
        Capacity = (enis, enis * (facts.Limits.Ipv4PerEni - 1));
        Last = await MetricsScrape.GetAsync(ports.Metrics);
    }

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        _directory?.Dispose();
        if (_sim is not null)
        {
            await _sim.DisposeAsync();
        }
    }

    private static bool Holds(IpamDatastore datastore, IPAddress address) =>
        datastore.Snapshot().Enis.Any(e => e.Cidrs.Any(c => c.Network.BaseAddress.Equals(address)));
}
