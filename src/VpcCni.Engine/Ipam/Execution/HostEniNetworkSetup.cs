using VpcCni.Engine.Linux.Wiring;

namespace VpcCni.Engine.Ipam.Execution;

/// <summary>The real <see cref="IEniHostSetup"/>: the Linux dataplane's <see cref="HostEniNetwork"/>.</summary>
public sealed class HostEniNetworkSetup : IEniHostSetup
{
    private readonly HostEniNetwork _network;

    public HostEniNetworkSetup(HostEniNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        _network = network;
    }

    /// <inheritdoc />
    public Task SetupAsync(EniNetworkSpec eni, CancellationToken cancellationToken) =>
        _network.SetupEniAsync(eni, cancellationToken);

    /// <inheritdoc />
    public Task TeardownAsync(EniNetworkSpec eni, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _network.TeardownEni(eni);
        return Task.CompletedTask;
    }
}
