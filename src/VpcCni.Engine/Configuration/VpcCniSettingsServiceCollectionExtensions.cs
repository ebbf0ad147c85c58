using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VpcCni.Engine.Configuration;

/// <summary>Registers <see cref="VpcCniSettings"/> with the options pattern (Microsoft.Extensions.Options).</summary>
public static class VpcCniSettingsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="VpcCniSettings"/> from <paramref name="environment"/> and, when given, the
    /// current ConfigMap data, and registers <see cref="VpcCniSettingsValidator"/>. Chain
    /// <c>.ValidateOnStart()</c> to fail start-up with every message at once.
    /// </summary>
    public static OptionsBuilder<VpcCniSettings> AddVpcCniSettings(
        this IServiceCollection services,
        IConfiguration environment,
        Func<IServiceProvider, IReadOnlyDictionary<string, string>?>? configMap = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(environment);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VpcCniSettings>, VpcCniSettingsValidator>());
        services.AddSingleton<IConfigureOptions<VpcCniSettings>>(provider => new ConfigureNamedOptions<VpcCniSettings>(
            Options.DefaultName,
            settings => VpcCniSettingsBinder.CopyInto(settings, VpcCniSettingsBinder.Evaluate(environment, configMap?.Invoke(provider)).Settings)));
        return services.AddOptions<VpcCniSettings>();
    }

    /// <summary>
    /// Registers live settings: one <see cref="VpcCniSettingsMonitor"/> that follows
    /// <paramref name="environment"/>'s change token (add the env file with <c>AddEnvFile</c>), served
    /// as <see cref="IOptionsMonitor{TOptions}"/> of <see cref="VpcCniSettings"/>. Resolving it binds
    /// and validates, so an invalid starting configuration fails there.
    /// </summary>
    public static IServiceCollection AddLiveVpcCniSettings(
        this IServiceCollection services,
        IConfiguration environment,
        Func<IServiceProvider, Func<IReadOnlyDictionary<string, string>?>>? configMap = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(environment);
        services.TryAddSingleton(provider => new VpcCniSettingsMonitor(
            environment, configMap?.Invoke(provider), provider.GetRequiredService<ILogger<VpcCniSettingsMonitor>>()));
        services.TryAddSingleton<IOptionsMonitor<VpcCniSettings>>(provider => provider.GetRequiredService<VpcCniSettingsMonitor>());
        return services;
    }
}
