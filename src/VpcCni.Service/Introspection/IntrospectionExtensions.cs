using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Configuration;
using VpcCni.Service.Node;

namespace VpcCni.Service.Introspection;

/// <summary>Registers the introspection listener: its options and services, its Kestrel listener and its branch of the pipeline.</summary>
public static class IntrospectionExtensions
{
    /// <summary>
    /// Options from <c>DISABLE_INTROSPECTION</c> and <c>INTROSPECTION_BIND_ADDRESS</c> (through the
    /// engine's <see cref="VpcCniSettings"/>, so values parse as upstream parses them), the handler and the readiness check.
    /// </summary>
    public static IServiceCollection AddNodeIntrospection(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IValidateOptions<IntrospectionOptions>, IntrospectionOptionsValidator>();
        services.AddOptions<IntrospectionOptions>()
            .Configure<IOptionsMonitor<VpcCniSettings>>((options, settings) =>
            {
                options.Disabled = settings.CurrentValue.Endpoints.DisableIntrospection;
                options.BindAddress = settings.CurrentValue.Endpoints.IntrospectionBindAddress;
            })
            .ValidateOnStart();
        services.TryAddSingleton<NodeReadiness>();
        services.TryAddSingleton<IntrospectionHandler>();
        return services;
    }

    /// <summary>Adds the HTTP/1.1 introspection listener unless introspection is disabled.</summary>
    public static void ListenIntrospection(this KestrelServerOptions kestrel)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        var options = kestrel.ApplicationServices.GetRequiredService<IOptions<IntrospectionOptions>>().Value;
        var logger = kestrel.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IntrospectionExtensions).FullName!);
        if (options.Disabled)
        {
            IntrospectionLog.IntrospectionDisabled(logger);
            return;
        }

        var listener = options.ParseListener();
        listener.Listen(kestrel, listen => listen.Protocols = HttpProtocols.Http1);
        IntrospectionLog.IntrospectionListening(logger, listener);
    }

    /// <summary>Answers every request that arrives on the introspection listener; other listeners never see it.</summary>
    public static IApplicationBuilder UseNodeIntrospection(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ApplicationServices.GetRequiredService<IOptions<IntrospectionOptions>>().Value;
        if (options.Disabled)
        {
            return app;
        }

        var listener = options.ParseListener();
        var handler = app.ApplicationServices.GetRequiredService<IntrospectionHandler>();
        return app.MapWhen(listener.Matches, branch => branch.Run(handler.HandleAsync));
    }
}
