using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VpcCni.Simulator.Hosting;

/// <summary>Registers the simulator in a Generic Host: the host starts it, and its lifetime (Ctrl+C, SIGTERM, systemd) stops it.</summary>
public static class SimulatorServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="SimulatorServer"/> as a singleton and a hosted service, configured through
    /// <c>IOptions&lt;SimulatorOptions&gt;</c>. Resolve <see cref="SimulatorServer"/> after start for its endpoints and world.
    /// </summary>
    public static IServiceCollection AddVpcCniSimulator(this IServiceCollection services, Action<SimulatorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SimulatorOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddSingleton(sp => new SimulatorServer(sp.GetRequiredService<IOptions<SimulatorOptions>>().Value, sp.GetService<ILoggerFactory>()));
        services.AddHostedService(sp => sp.GetRequiredService<SimulatorServer>());
        return services;
    }
}
