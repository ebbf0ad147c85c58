using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Ipam.Execution;
using VpcCni.Engine.Ipam.Placement;
using VpcCni.Engine.Kubernetes;
using VpcCni.Service.CustomNetworking;
using VpcCni.Service.Hosting;
using VpcCni.Service.Kubernetes;

namespace VpcCni.Service.Node;

/// <summary>Registers node initialisation, the warm-pool loop and what they build on.</summary>
public static class NodeServiceCollectionExtensions
{
    private const string ImdsHttpClient = "imds";
    private const string ImdsEndpointVariable = "AWS_EC2_METADATA_SERVICE_ENDPOINT";

    /// <summary>
    /// Adds <see cref="NodeLoopOptions"/>, the IMDS and EC2 client options (sections <c>InstanceMetadata</c>,
    /// <c>Ec2</c>, <c>EniProvider</c>), <see cref="NodeReadiness"/>, the initialiser
    /// and the pool loop. An <c>Amazon.Runtime.AWSCredentials</c> singleton, when registered, replaces
    /// the SDK's default credential chain; an <see cref="IEniHostSetup"/> registered before this call
    /// replaces the netlink one, as an <see cref="INodeHostNetwork"/> does the kernel settings, rules and packet filter; <see cref="NodeHostNetworkOptions.Simulated"/> picks <see cref="SimulatedEniHostSetup"/> and <see cref="SimulatedNodeHostNetwork"/>. The live <see cref="VpcCniSettings"/> it reads are registered by the
    /// host (<see cref="Hosting.NodeServiceHost"/>).
    /// </summary>
    public static IServiceCollection AddNodeLoop(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IValidateOptions<NodeLoopOptions>, NodeLoopOptionsValidator>();
        services.AddOptions<NodeLoopOptions>().BindConfiguration(NodeLoopOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InstanceMetadataOptions>, InstanceMetadataOptionsValidator>();
        services.AddOptions<InstanceMetadataOptions>().BindConfiguration("InstanceMetadata")
            .PostConfigure<IConfiguration>((imds, configuration) =>
            {
                // The AWS SDKs' variable (SDKs and Tools reference guide, "IMDS client"), unless the section names an endpoint.
                if (configuration["InstanceMetadata:Endpoint"] is null && configuration[ImdsEndpointVariable] is { Length: > 0 } endpoint)
                {
                    imds.Endpoint = endpoint;
                }
            });
        services.AddSingleton<IValidateOptions<Ec2ClientOptions>, Ec2ClientOptionsValidator>();
        services.AddOptions<Ec2ClientOptions>().BindConfiguration("Ec2")
            .PostConfigure<IServiceProvider>((ec2, provider) => ec2.Endpoint ??= Settings(provider)?.Endpoints.Ec2Endpoint?.ToString());
        services.AddOptions<EniProviderOptions>().BindConfiguration("EniProvider").PostConfigure<IServiceProvider>((eni, provider) =>
        {
            if (Settings(provider) is { Ipam: var ipam, CustomNetworking: var custom })
            {
                eni.ClusterName ??= ipam.ClusterName;
                eni.AdditionalTags = eni.AdditionalTags.Count > 0 ? eni.AdditionalTags : ipam.AdditionalEniTags;
                eni.SubnetDiscovery = ipam.EnableSubnetDiscovery;
                (eni.CustomNetworking, eni.EniConfigAnnotationKey, eni.EniConfigLabelKey) =
                    (custom.CustomNetworkConfig, custom.EniConfigAnnotationDef, custom.EniConfigLabelDef);
            }
        });

        // What the gRPC replies tell the plugin and the policy agent about the node, unless configured.
        services.AddOptions<NodeNetworkOptions>().PostConfigure<NodeReadiness>((node, readiness) =>
        {
            if (readiness.Facts is not { } facts)
            {
                return;
            }

            node.InstanceId = node.InstanceId.Length > 0 ? node.InstanceId : facts.InstanceId;
            node.Region = node.Region.Length > 0 ? node.Region : facts.Region;
            node.NodeIpv4 = node.NodeIpv4.Length > 0 ? node.NodeIpv4 : facts.PrimaryIpv4?.ToString() ?? string.Empty;
            if (node.VpcV4Cidrs.Count == 0)
            {
                foreach (var cidr in facts.VpcIpv4Cidrs)
                {
                    node.VpcV4Cidrs.Add(cidr.ToString());
                }
            }
        });

        services.TryAddSingleton(TimeProvider.System);

        // The IMDS client's own retry pipeline times each attempt, so the HttpClient must not cut in first.
        services.AddHttpClient(ImdsHttpClient, http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<IInstanceMetadata>(provider => new ImdsInstanceMetadata(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(ImdsHttpClient),
            provider.GetRequiredService<IOptions<InstanceMetadataOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ImdsInstanceMetadata>>(),
            provider.GetService<IAwsCallObserver>()));
        services.AddOptions<NodeHostNetworkOptions>().BindConfiguration(NodeHostNetworkOptions.SectionName);
        services.TryAddSingleton(provider => new LinuxHostAdapters(
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IOptionsMonitor<VpcCniSettings>>().CurrentValue.Networking.EniMtu,
            provider.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton<IEniHostSetup>(provider => HostNetworkSimulated(provider)
            ? ActivatorUtilities.CreateInstance<SimulatedEniHostSetup>(provider)
            : new HostEniNetworkSetup(provider.GetRequiredService<LinuxHostAdapters>().Enis));
        services.TryAddSingleton<INodeHostNetwork>(provider => HostNetworkSimulated(provider)
            ? ActivatorUtilities.CreateInstance<SimulatedNodeHostNetwork>(provider)
            : provider.GetRequiredService<LinuxHostAdapters>().Node);

        // Custom networking's ENIConfigs and the node's labels: from the API server when the service uses it
        // (docs/kubernetes.md), else from a local directory and configuration (docs/configuration.md).
        services.AddOptions<LocalEniConfigOptions>().BindConfiguration(LocalEniConfigOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LocalEniConfigOptions>, LocalEniConfigOptionsValidator>();
        services.TryAddSingleton<IEniConfigSource>(provider => provider.GetService<NodeKubernetes>()?.Views is { } views
            ? new KubernetesEniConfigSource(views)
            : ActivatorUtilities.CreateInstance<DirectoryEniConfigSource>(provider));

        services.TryAddSingleton<NodeReadiness>();
        services.TryAddSingleton<PoolDemand>();
        services.TryAddSingleton<AddressWaiter>();
        services.TryAddSingleton<NodeCards>();
        services.TryAddSingleton<NodeInitializer>();
        services.AddHostedService(provider => provider.GetRequiredService<NodeInitializer>());
        services.AddSingleton<IValidateOptions<NodeReconcileOptions>, NodeReconcileOptionsValidator>();
        services.AddOptions<NodeReconcileOptions>().BindConfiguration(NodeReconcileOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LeakedEniCleanupOptions>, LeakedEniCleanupOptionsValidator>();
        services.AddOptions<LeakedEniCleanupOptions>().BindConfiguration(LeakedEniCleanupOptions.SectionName).ValidateOnStart();
        services.TryAddSingleton<NodeReconciler>();
        services.AddHostedService<WarmPoolLoop>();
        services.AddHostedService<LeakedEniCleanup>();
        return services;
    }

    private static bool HostNetworkSimulated(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<NodeHostNetworkOptions>>().Value.Simulated;

    /// <summary>The settings, or null when the loop is off (they are then never bound).</summary>
    private static VpcCniSettings? Settings(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<NodeLoopOptions>>().Value.Enabled
            ? provider.GetRequiredService<IOptionsMonitor<VpcCniSettings>>().CurrentValue
            : null;
}
