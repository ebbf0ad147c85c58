using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VpcCni.Simulator.Control;
using VpcCni.Simulator.Dataplane;
using VpcCni.Simulator.Ec2;
using VpcCni.Simulator.Imds;
using VpcCni.Simulator.Scenarios;
using VpcCni.Simulator.Throttling;
using VpcCni.Simulator.World;

namespace VpcCni.Simulator.Hosting;

/// <summary>
/// The simulator on loopback: the EC2 Query API (and <c>/_sim/</c> control routes) on one port, and
/// an IMDSv2 listener per instance. Unmodified AWS clients work against it (EC2 API Reference, "Query requests for Amazon EC2"; EC2 User Guide, "Use the Instance Metadata Service").
/// Host it in-process: <see cref="StartAsync(CancellationToken)"/> / <see cref="StopAsync"/>, or as an
/// <see cref="IHostedService"/> of a Generic Host (<see cref="SimulatorServiceCollectionExtensions.AddVpcCniSimulator"/>),
/// whose lifetime then owns Ctrl+C and SIGTERM.
/// </summary>
public sealed class SimulatorServer : IHostedService, IAsyncDisposable
{
    private readonly SimulatorOptions _options;
    private readonly Dictionary<int, string> _imdsPorts = [];
    private readonly Dictionary<string, Uri> _imdsUris = new(StringComparer.Ordinal);
    private readonly ImdsTokenStore _tokens;
    private readonly Ec2Endpoint _ec2;
    private readonly ImdsEndpoint _imds;
    private readonly ControlEndpoint _control;
    private readonly ILogger _logger;
    private WebApplication? _app;
    private SimulatorEndpoints? _endpoints;
    private int _ec2Port;

    /// <summary>Builds the world from the options' scenario (validated here); nothing listens until <see cref="StartAsync(CancellationToken)"/>.</summary>
    /// <exception cref="ScenarioException">The scenario is invalid.</exception>
    public SimulatorServer(SimulatorOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ScenarioValidator.Validate(options.Scenario, "scenario");
        _options = options;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SimulatorServer>();
        var hook = options.DataplaneHook ?? (options.Scenario.Instances.Exists(i => i.Netns is not null) ? new IpRouteDataplaneHook() : null);
        World = new SimWorld(options.Scenario, options.TimeProvider, hook);
        Throttle = new Ec2Throttle(options.TimeProvider);
        _tokens = new ImdsTokenStore(options.TimeProvider);
        _ec2 = new Ec2Endpoint(World, Throttle, Faults, Policy, RequestLog, _logger);
        _imds = new ImdsEndpoint(World, _tokens);
        _control = new ControlEndpoint(this);
        ConfigureFromScenario();
    }

    /// <summary>The bound endpoints; an error before <see cref="StartAsync(CancellationToken)"/> completed.</summary>
    public SimulatorEndpoints Endpoints => _endpoints ?? throw new InvalidOperationException("The simulator has not been started.");

    /// <summary>e.g. <c>http://127.0.0.1:PORT/</c>: POST form-encoded EC2 Query requests here.</summary>
    public Uri Ec2Endpoint => Endpoints.Ec2;

    /// <summary>IMDS of the default (first) instance.</summary>
    public Uri ImdsEndpoint => Endpoints.Imds;

    /// <summary><c>http://127.0.0.1:PORT/_sim/</c>.</summary>
    public Uri ControlEndpoint => Endpoints.Control;

    public SimWorld World { get; }

    public SimRequestLog RequestLog { get; } = new();

    internal FaultInjector Faults { get; } = new();

    internal SimAccessPolicy Policy { get; } = new();

    internal Ec2Throttle Throttle { get; }

    /// <summary>Builds and starts a server in one step (the form tests use).</summary>
    public static async Task<SimulatorServer> StartAsync(SimulatorOptions options, CancellationToken cancellationToken)
    {
        var server = new SimulatorServer(options);
        try
        {
            await server.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return server;
    }

    public Uri ImdsEndpointFor(string instanceId) =>
        _imdsUris.TryGetValue(instanceId, out var uri) ? uri : throw new ArgumentException($"No instance '{instanceId}' in the simulated world.", nameof(instanceId));

    /// <summary>Back to the scenario's starting world: ENIs, faults, throttle buckets, allow-list, tokens and request log.</summary>
    public void Reset()
    {
        World.Reset(_options.Scenario);
        ConfigureFromScenario();
        _tokens.Clear();
        RequestLog.Clear();
    }

    /// <summary>Adds a fault rule (the same as <c>POST /_sim/faults</c>).</summary>
    public void InjectFault(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        FaultValidator.Check(rule, "fault", (field, reason) => throw new ScenarioException("InjectFault", field, reason));
        Faults.Add(rule);
    }

    public void ClearFaults() => Faults.Clear();

    /// <summary>Sets the IAM allow-list (null allows every action).</summary>
    public void SetAllowedActions(IEnumerable<string>? actions) => Policy.Set(actions);

    /// <summary>Empties an action's token buckets so its next request answers RequestLimitExceeded.</summary>
    public void DrainThrottleBucket(string action) => Throttle.Drain(action);

    /// <summary>Binds the EC2/control port and one IMDS port per instance on 127.0.0.1 and starts serving.</summary>
    public async Task<SimulatorEndpoints> StartAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The simulator is already started.");
        }

        await StartCoreAsync(cancellationToken).ConfigureAwait(false);
        SimulatorLog.Started(_logger, Endpoints.Ec2, Endpoints.Imds, Endpoints.Control);
        return Endpoints;
    }

    /// <summary>Stops listening (in-flight requests finish first); the world stays readable.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            SimulatorLog.Stopped(_logger);
        }
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => StartAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        World.Dispose();
    }

    private void ConfigureFromScenario()
    {
        var scenario = _options.Scenario;
        Faults.Reset(scenario.Faults, scenario.Seed);
        Throttle.Configure(scenario.Throttling);
        Policy.Set(scenario.AllowedActions);
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        ListenOptions? ec2Listen = null;
        var imdsListens = new List<(string InstanceId, ListenOptions Listen)>();
        var instanceIds = World.Inspect(w => w.Instances.Keys.ToList());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, _options.Ec2Port, listen => ec2Listen = listen);
            for (var i = 0; i < instanceIds.Count; i++)
            {
                var id = instanceIds[i];
                kestrel.Listen(IPAddress.Loopback, i == 0 ? _options.ImdsPort : 0, listen => imdsListens.Add((id, listen)));
            }
        });
        _app = builder.Build();
        _app.Run(DispatchAsync);
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);

        // Kestrel writes the bound port back into each ListenOptions when it binds port 0.
        _ec2Port = ec2Listen!.IPEndPoint!.Port;
        var ec2 = new Uri($"http://127.0.0.1:{_ec2Port}/");
        foreach (var (id, listen) in imdsListens)
        {
            var port = listen.IPEndPoint!.Port;
            _imdsPorts[port] = id;
            _imdsUris[id] = new Uri($"http://127.0.0.1:{port}/");
        }

        _endpoints = new SimulatorEndpoints(ec2, _imdsUris[World.DefaultInstanceId], new Dictionary<string, Uri>(_imdsUris, StringComparer.Ordinal), new Uri(ec2, "_sim/"));

        World.MirrorInitialAttachments();
    }

    private Task DispatchAsync(HttpContext context)
    {
        var port = context.Connection.LocalPort;
        if (port == _ec2Port)
        {
            var path = context.Request.Path.Value ?? "/";
            return path.StartsWith("/_sim/", StringComparison.Ordinal)
                ? _control.HandleAsync(context, path["/_sim/".Length..].TrimEnd('/'))
                : _ec2.HandleAsync(context);
        }

        if (_imdsPorts.TryGetValue(port, out var instanceId))
        {
            return _imds.HandleAsync(context, instanceId);
        }

        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }
}
