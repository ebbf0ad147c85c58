using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Kubernetes;

namespace VpcCni.Service.Kubernetes;

/// <summary>Registers the service's use of the Kubernetes API (docs/kubernetes.md).</summary>
public static class KubernetesServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="KubernetesApiOptions"/> and <see cref="KubernetesViewOptions"/> (section
    /// <c>Kubernetes</c>), <see cref="NodeKubernetes"/> and the service that runs its views. Whether the
    /// API is used is decided when <see cref="NodeKubernetes"/> is first resolved.
    /// </summary>
    public static IServiceCollection AddNodeKubernetes(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IValidateOptions<KubernetesApiOptions>, KubernetesApiOptionsValidator>();
        services.AddOptions<KubernetesApiOptions>().BindConfiguration(KubernetesApiOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KubernetesViewOptions>, KubernetesViewOptionsValidator>();
        services.AddOptions<KubernetesViewOptions>().BindConfiguration(KubernetesApiOptions.SectionName)
            .PostConfigure<IConfiguration>((view, configuration) =>
            {
                // Upstream's DaemonSet hands the node its name as MY_NODE_NAME (from spec.nodeName).
                if (view.NodeName.Length == 0)
                {
                    view.NodeName = configuration["MY_NODE_NAME"] ?? string.Empty;
                }
            })
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<NodeKubernetes>();
        services.TryAddSingleton<NodePodCapacity>();
        services.AddHostedService<KubernetesViewsService>();
        return services;
    }
}
