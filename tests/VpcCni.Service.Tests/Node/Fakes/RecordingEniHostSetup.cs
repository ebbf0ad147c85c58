using VpcCni.Engine.Ipam.Execution;
using VpcCni.Engine.Linux.Wiring;

namespace VpcCni.Service.Tests.Node.Fakes;

/// <summary>
/// The host side of ENIs without root or a network namespace: keeps the ENIs currently set up, by MAC.
/// The only stand-in in the node tests; EC2, IMDS, the datastore and the checkpoint are real.
/// </summary>
internal sealed class RecordingEniHostSetup : IEniHostSetup
{
    private readonly Dictionary<string, EniNetworkSpec> _setUp = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    /// <summary>The ENIs currently set up, by device number.</summary>
    public IReadOnlyList<EniNetworkSpec> SetUp
    {
        get
        {
            lock (_gate)
            {
                return [.. _setUp.Values.OrderBy(s => s.DeviceNumber)];
            }
        }
    }

    public Task SetupAsync(EniNetworkSpec eni, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _setUp[eni.Mac.ToString()] = eni;
        }

        return Task.CompletedTask;
    }

    public Task TeardownAsync(EniNetworkSpec eni, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _setUp.Remove(eni.Mac.ToString());
        }

        return Task.CompletedTask;
    }
}
