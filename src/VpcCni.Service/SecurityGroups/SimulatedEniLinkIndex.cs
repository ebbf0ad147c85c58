using VpcCni.Engine.Aws;

namespace VpcCni.Service.SecurityGroups;

/// <summary>
/// The link index an ENI would have on a node when the host network is not programmed (the
/// simulated ENIs have no link on this machine, <see cref="Node.SimulatedEniHostSetup"/>): its device
/// number plus 2, the index of <c>ethN</c> on a node whose only other link is <c>lo</c> (index 1).
/// </summary>
internal sealed class SimulatedEniLinkIndex : IEniLinkIndex
{
    /// <summary>What is added to the device number.</summary>
    public const int Offset = 2;

    public Task<int> LinkIndexOfAsync(ImdsNetworkInterface eni, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eni);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(eni.DeviceNumber + Offset);
    }
}
