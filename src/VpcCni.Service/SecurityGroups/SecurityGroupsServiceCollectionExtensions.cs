using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VpcCni.Engine.Ipam.Execution;
using VpcCni.Service.Node;

namespace VpcCni.Service.SecurityGroups;

/// <summary>Registers security groups for pods in the service (docs/security-groups-for-pods.md).</summary>
public static class SecurityGroupsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the trunk tracker the pool loop ticks, the branch-pod answers of AddNetwork and DelNetwork,
    /// and <see cref="IEniLinkIndex"/>: netlink when ENIs are set up on this host's kernel, else the
    /// simulated index (an <see cref="IEniLinkIndex"/> registered before this call wins).
    /// </summary>
    public static IServiceCollection AddSecurityGroupsForPods(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IEniLinkIndex>(provider => provider.GetRequiredService<IEniHostSetup>() is HostEniNetworkSetup
            ? new NetlinkEniLinkIndex(provider.GetRequiredService<LinuxHostAdapters>().Enis)
            : new SimulatedEniLinkIndex());
        services.TryAddSingleton<TrunkEniTracker>();
        services.TryAddSingleton<BranchPodLookup>();
        services.TryAddSingleton<BranchEniWaits>();
        services.TryAddSingleton<BranchEniBackend>();
        return services;
    }
}
