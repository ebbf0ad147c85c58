using VpcCni.Engine.Linux.Wiring;

namespace VpcCni.Engine.Ipam.Execution;

/// <summary>
/// The host side of a new or departing ENI (upstream <c>pkg/networkutils</c> <c>SetupENINetwork</c>):
/// its link, address, route table and rule. The real implementation is <see cref="HostEniNetworkSetup"/>
/// over <see cref="HostEniNetwork"/>; tests without root use a stateful stand-in.
/// </summary>
public interface IEniHostSetup
{
    /// <summary>Brings up the ENI's link and its routing. Idempotent.</summary>
    Task SetupAsync(EniNetworkSpec eni, CancellationToken cancellationToken);

    /// <summary>Removes the ENI's rule and routes before it is detached. Idempotent.</summary>
    Task TeardownAsync(EniNetworkSpec eni, CancellationToken cancellationToken);
}
