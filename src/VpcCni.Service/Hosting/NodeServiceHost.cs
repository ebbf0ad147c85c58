using Grpc.Health.V1;
using Grpc.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Checkpoint;
using VpcCni.Engine.Rpc;
using VpcCni.Service.Cluster;
using VpcCni.Service.Cni;
using VpcCni.Service.Configuration;
using VpcCni.Service.Node;
using VpcCni.Service.Introspection;
using VpcCni.Service.Kubernetes;
using VpcCni.Service.Metrics;
using VpcCni.Service.Rpc;
using VpcCni.Service.SecurityGroups;

using ProtoServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace VpcCni.Service.Hosting;

/// <summary>
/// Builds the node service's host: options, the IPAM datastore, and the gRPC server on the IPAM
/// Unix socket with <c>rpc.CNIBackend</c>, <c>rpc.ConfigServerBackend</c>, the standard health
/// service and server reflection. <c>Program</c> and the tests build the same host.
/// </summary>
public static class NodeServiceHost
{
    /// <summary>
    /// The health-service name upstream's tooling checks (grpc.io "GRPC Health Checking Protocol":
    /// a client asks by service name, "" being the whole server).
    /// </summary>
    public const string HealthServiceName = "grpc.health.v1.aws-node";

    /// <summary>A builder with every service registered; callers may add configuration or replace services before <see cref="Build"/>.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args });
        builder.Services.AddSystemd();

        // The one live view of the upstream variables (environment, then any file sources added to the
        // configuration later); the pool loop, introspection, metrics and the reload path all read it.
        // The ConfigMap joins them when the Kubernetes API is used (defaults < ConfigMap < environment).
        builder.Services.AddLiveVpcCniSettings(builder.Configuration, provider => provider.GetRequiredService<NodeKubernetes>().ConfigMapData);
        builder.Services.AddNodeKubernetes();
        builder.Services.AddNodeClusterWrites();
        builder.Services.AddLiveLogLevel();
        AddServices(builder.Services);
        builder.Services.AddNodeIntrospection().AddNodeMetrics();
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var socket = kestrel.ApplicationServices.GetRequiredService<IOptions<IpamSocketOptions>>().Value;

            // gRPC needs HTTP/2, and without TLS there is no ALPN to negotiate it, so the listener speaks HTTP/2 only.
            kestrel.ListenUnixSocket(socket.Path, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.ListenIntrospection();
            kestrel.ListenMetrics();
        });
        return builder;
    }

    /// <summary>Builds the application and maps the gRPC services.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        app.UseNodeIntrospection().UseNodeMetrics();
        app.MapGrpcService<CniBackendService>();
        app.MapGrpcService<ConfigServerBackendService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcService<ReflectionServiceImpl>();
        app.MapGrpcService<ReflectionV1ServiceImpl>();
        return app;
    }

    private static void AddServices(IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<IpamSocketOptions>, IpamSocketOptionsValidator>();
        services.AddOptions<IpamSocketOptions>().BindConfiguration(IpamSocketOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NodeNetworkOptions>, NodeNetworkOptionsValidator>();
        services.AddOptions<NodeNetworkOptions>().BindConfiguration(NodeNetworkOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatastoreOptions>, DatastoreOptionsValidator>();
        services.AddOptions<DatastoreOptions>().BindConfiguration(DatastoreOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<DatastoreOptions>, DatastoreOptionsSetup>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICheckpointStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<DatastoreOptions>>().Value;
            return new JsonFileCheckpointStore(options.CheckpointPath, options.CheckpointDurability);
        });
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<DatastoreOptions>>().Value;
            var settings = new IpamDatastoreSettings { CooldownPeriod = options.CooldownPeriod, PrefixDelegation = options.PrefixDelegation };
            var datastore = new IpamDatastore(
                provider.GetRequiredService<ICheckpointStore>(),
                provider.GetRequiredService<TimeProvider>(),
                settings,
                provider.GetRequiredService<ILogger<IpamDatastore>>());
            DatastoreOptionsSetup.FollowLiveCooldown(provider, datastore);
            return datastore;
        });

        // Its lifecycle hooks run before any hosted service starts (Kestrel binds in one) and after all have.
        services.AddHostedService<IpamSocketLifecycle>();
        services.AddGrpc(grpc => grpc.Interceptors.Add<VpcCniExceptionInterceptor>());
        // gRPC reflection (grpc.reflection.v1 and v1alpha) over the services mapped in Build, named
        // here: Grpc.AspNetCore.Server.Reflection's AddGrpcReflection finds their descriptors by
        // reflection over the mapped types, which the Native AOT compiler reports as unsafe
        // (grpc/grpc-dotnet#2605). A new gRPC service must be added to this list too.
        ProtoServiceDescriptor[] reflected =
        [
            CNIBackend.Descriptor, ConfigServerBackend.Descriptor, Health.Descriptor,
            Grpc.Reflection.V1Alpha.ServerReflection.Descriptor, Grpc.Reflection.V1.ServerReflection.Descriptor,
        ];
        services.TryAddSingleton(new ReflectionServiceImpl(reflected));
        services.TryAddSingleton(new ReflectionV1ServiceImpl(reflected));
        services.AddNodeLoop();
        services.AddSecurityGroupsForPods();
        services.AddCniConfig();

        // Upstream reports SERVING for its named service as soon as the server runs; one check that
        // is healthy while the process serves gives the same answer for the name and for "".
        services.AddHealthChecks().AddCheck("ipamd", () => HealthCheckResult.Healthy());
        services.AddGrpcHealthChecks(health =>
        {
            health.Services.Map(string.Empty, _ => true);
            health.Services.Map(HealthServiceName, _ => true);
        });
    }
}
