using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Aws;
using VpcCni.Service.Metrics;

namespace VpcCni.Service.Cluster;

/// <summary>Registers what the service writes to the cluster and the cordon check (docs/kubernetes.md, "What it writes").</summary>
public static class ClusterServiceCollectionExtensions
{
    /// <summary>The pod namespace when neither <c>Cluster:PodNamespace</c> nor <c>MY_POD_NAMESPACE</c> is set: upstream's DaemonSet's.</summary>
    public const string DefaultPodNamespace = "kube-system";

    /// <summary>
    /// Adds <see cref="ClusterWriteOptions"/> (section <c>Cluster</c>, the pod from <c>MY_POD_NAME</c> and
    /// <c>MY_POD_NAMESPACE</c>), <see cref="NodeSchedulability"/>, <see cref="PodIpAnnotations"/> and
    /// <see cref="MissingPermissionEvents"/>, which also becomes the EC2 clients' observer beside the
    /// metrics. Call it before <c>AddNodeMetrics</c>, whose observer registration yields to this one.
    /// </summary>
    public static IServiceCollection AddNodeClusterWrites(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IValidateOptions<ClusterWriteOptions>, ClusterWriteOptionsValidator>();
        services.AddOptions<ClusterWriteOptions>().BindConfiguration(ClusterWriteOptions.SectionName)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                // Upstream's DaemonSet hands the pod its name and namespace through the downward API.
                if (options.PodName.Length == 0)
                {
                    options.PodName = configuration["MY_POD_NAME"] ?? string.Empty;
                }

                if (options.PodNamespace.Length == 0)
                {
                    options.PodNamespace = configuration["MY_POD_NAMESPACE"] is { Length: > 0 } ns ? ns : DefaultPodNamespace;
                }
            })
            .ValidateOnStart();
        services.TryAddSingleton<NodeSchedulability>();
        services.TryAddSingleton<PodIpAnnotations>();
        services.TryAddSingleton<MissingPermissionEvents>();
        services.AddHostedService(provider => provider.GetRequiredService<MissingPermissionEvents>());
        services.TryAddSingleton<IAwsCallObserver>(provider =>
            new AwsCallFanOut(provider.GetRequiredService<AwsCniMetrics>(), provider.GetRequiredService<MissingPermissionEvents>()));
        return services;
    }
}
