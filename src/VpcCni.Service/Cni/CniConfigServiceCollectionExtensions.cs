using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace VpcCni.Service.Cni;

/// <summary>Registers the CNI configuration writer and its options (docs/cni-config.md).</summary>
public static class CniConfigServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="CniConfigOptions"/> (section <c>CniConfig</c>, validated at start) and the
    /// <see cref="CniConfigWriter"/>. It reads <see cref="Node.NodeReadiness"/> and <see cref="Node.PoolDemand"/>,
    /// which the node loop registers.
    /// </summary>
    public static IServiceCollection AddCniConfig(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IValidateOptions<CniConfigOptions>, CniConfigOptionsValidator>();
        services.AddOptions<CniConfigOptions>().BindConfiguration(CniConfigOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<CniConfigOptions>, CniConfigOptionsSetup>();
        services.AddHostedService<CniConfigWriter>();
        return services;
    }
}
