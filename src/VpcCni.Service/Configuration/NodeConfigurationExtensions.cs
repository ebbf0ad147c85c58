using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Configuration;

namespace VpcCni.Service.Configuration;

/// <summary>Adds the node's configuration (docs/configuration.md) to the service's host builder.</summary>
public static class NodeConfigurationExtensions
{
    /// <summary>
    /// Adds the environment file <paramref name="envFilePath"/> (optional, checked every
    /// <paramref name="pollInterval"/> when given) after the process environment, so that its current
    /// content wins over the copy systemd made at start; registers the live
    /// <see cref="VpcCniSettingsMonitor"/> over the whole configuration, and the SIGHUP reload.
    /// </summary>
    public static WebApplicationBuilder AddNodeConfiguration(this WebApplicationBuilder builder, string envFilePath, TimeSpan? pollInterval)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(envFilePath);
        var fullPath = Path.GetFullPath(envFilePath);
        builder.Configuration.AddEnvFile(fullPath, optional: true, pollInterval);
        builder.Services.AddSingleton(new EnvFileLocation(fullPath));
        builder.Services.AddHostedService<ConfigurationReloadService>();
        return builder;
    }

    /// <summary>
    /// Makes <c>AWS_VPC_K8S_CNI_LOGLEVEL</c> the logging filter's level while it is set, following every
    /// reload of the settings (<see cref="LiveLogLevel"/>, <see cref="LogLevelFollower"/>).
    /// </summary>
    public static IServiceCollection AddLiveLogLevel(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<LiveLogLevel>();
        services.AddSingleton<IPostConfigureOptions<LoggerFilterOptions>>(provider => provider.GetRequiredService<LiveLogLevel>());
        services.AddSingleton<IOptionsChangeTokenSource<LoggerFilterOptions>>(provider => provider.GetRequiredService<LiveLogLevel>());
        services.AddHostedService<LogLevelFollower>();
        return services;
    }
}
