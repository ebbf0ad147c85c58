using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Diagnostics;
using VpcCni.Engine.Ipam.Execution;
using VpcCni.Engine.Linux.Wiring;

namespace VpcCni.Service.Node;

/// <summary>
/// The host side of ENIs under <c>run --simulate</c>, or with <c>HostNetwork:Simulated</c> against a
/// simulator that runs elsewhere (see <see cref="NodeHostNetworkOptions"/>). The simulator's ENIs exist only in the
/// simulator: no link with their MAC address appears on this machine, and a demo must never change
/// the machine's own links, routes or rules. So the node keeps its record of which ENIs it would
/// have set up (introspection shows them) and leaves the kernel alone.
/// </summary>
public sealed partial class SimulatedEniHostSetup(ILogger<SimulatedEniHostSetup> logger) : IEniHostSetup
{
    private readonly ConcurrentDictionary<string, EniNetworkSpec> _enis = new(StringComparer.Ordinal);

    /// <summary>The ENIs set up and not torn down since, by MAC address.</summary>
    public IReadOnlyCollection<EniNetworkSpec> Enis => [.. _enis.Values];

    public Task SetupAsync(EniNetworkSpec eni, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eni);
        cancellationToken.ThrowIfCancellationRequested();
        var mac = eni.Mac.ToString();
        _enis[mac] = eni;
        SetUp(logger, mac, eni.DeviceNumber, eni.RouteTable);
        return Task.CompletedTask;
    }

    public Task TeardownAsync(EniNetworkSpec eni, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eni);
        cancellationToken.ThrowIfCancellationRequested();
        _enis.TryRemove(eni.Mac.ToString(), out _);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = LogEventIds.Service + 87, Level = LogLevel.Information, Message = "Simulated ENI {Mac} (device {DeviceNumber}, table {Table}) recorded; the machine's network is left alone")]
    private static partial void SetUp(ILogger logger, string mac, int deviceNumber, int table);
}
