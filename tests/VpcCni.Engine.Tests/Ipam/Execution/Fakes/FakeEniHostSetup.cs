using VpcCni.Engine.Ipam.Execution;
using VpcCni.Engine.Linux.Wiring;

namespace VpcCni.Engine.Tests.Ipam.Execution.Fakes;

/// <summary>
/// The host side of ENIs without root: remembers which ENIs are set up (by MAC), and can be told to
/// refuse the next set-up as a broken link would.
/// </summary>
internal sealed class FakeEniHostSetup : IEniHostSetup
{
    private readonly Dictionary<string, EniNetworkSpec> _setUp = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    /// <summary>When set, the next <see cref="SetupAsync"/> throws this and sets up nothing.</summary>
    public Exception? FailNextSetup { get; set; }

    /// <summary>The ENIs currently set up on the host.</summary>
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
            if (FailNextSetup is { } failure)
            {
                FailNextSetup = null;
                throw failure;
            }

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
