using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prometheus;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Configuration;

namespace VpcCni.Service.Metrics;

/// <summary>Registers the Prometheus endpoint: options, the metrics, its Kestrel listener and its branch of the pipeline.</summary>
public static class MetricsExtensions
{
    /// <summary>
    /// <see cref="MetricsOptions"/> from the <c>Metrics</c> section and <c>DISABLE_METRICS</c> (parsed by
    /// the engine as upstream parses it), and <see cref="AwsCniMetrics"/> as the gRPC edge's <see cref="ICniRequestMetrics"/>,
    /// the EC2 and IMDS clients' <see cref="IAwsCallObserver"/> and the node loops' <see cref="INodeMetrics"/>.
    /// </summary>
    public static IServiceCollection AddNodeMetrics(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IValidateOptions<MetricsOptions>, MetricsOptionsValidator>();
        services.AddOptions<MetricsOptions>()
            .BindConfiguration(MetricsOptions.SectionName)
            .Configure<IOptionsMonitor<VpcCniSettings>>((options, settings) => options.Disabled |= settings.CurrentValue.Endpoints.DisableMetrics)
            .ValidateOnStart();
        services.TryAddSingleton<AwsCniMetrics>();
        services.TryAddSingleton<ICniRequestMetrics>(provider => provider.GetRequiredService<AwsCniMetrics>());
        services.TryAddSingleton<IAwsCallObserver>(provider => provider.GetRequiredService<AwsCniMetrics>());
        services.TryAddSingleton<INodeMetrics>(provider => provider.GetRequiredService<AwsCniMetrics>());
        services.AddHostedService<StartupMetrics>();
        return services;
    }

    /// <summary>Adds the HTTP/1.1 metrics listener unless metrics are disabled.</summary>
    public static void ListenMetrics(this KestrelServerOptions kestrel)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        var options = kestrel.ApplicationServices.GetRequiredService<IOptions<MetricsOptions>>().Value;
        var logger = kestrel.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MetricsExtensions).FullName!);
        if (options.Disabled)
        {
            MetricsLog.Disabled(logger);
            return;
        }

        var listener = options.ParseListener();
        listener.Listen(kestrel, listen => listen.Protocols = HttpProtocols.Http1);
        MetricsLog.Listening(logger, listener);
    }

    /// <summary>Serves <c>/metrics</c> on the metrics listener and 404 for any other path there.</summary>
    public static IApplicationBuilder UseNodeMetrics(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ApplicationServices.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (options.Disabled)
        {
            return app;
        }

        var registry = app.ApplicationServices.GetRequiredService<AwsCniMetrics>().Registry;
        return app.MapWhen(options.ParseListener().Matches, branch =>
        {
            branch.UseMetricServer(settings => settings.Registry = registry, "/metrics");
            branch.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
    }
}
