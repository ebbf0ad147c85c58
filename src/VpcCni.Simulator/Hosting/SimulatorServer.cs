using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;
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
/// </summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    private readonly SimulatorOptions _options;
    private readonly Dictionary<int, string> _imdsPorts = [];
    private readonly Dictionary<string, Uri> _imdsUris = new(StringComparer.Ordinal);
    private readonly ImdsTokenStore _tokens;
    private readonly Ec2Endpoint _ec2;
    private readonly ImdsEndpoint _imds;
    private readonly ControlEndpoint _control;
    private WebApplication? _app;
    private int _ec2Port;

    private SimulatorServer(SimulatorOptions options)
    {
        _options = options;
        var hook = options.DataplaneHook ?? (options.Scenario.Instances.Exists(i => i.Netns is not null) ? new IpRouteDataplaneHook() : null);
        World = new SimWorld(options.Scenario, options.TimeProvider, hook);
        Throttle = new Ec2Throttle(options.TimeProvider);
        _tokens = new ImdsTokenStore(options.TimeProvider);
        _ec2 = new Ec2Endpoint(World, Throttle, Faults, Policy, RequestLog);
        _imds = new ImdsEndpoint(World, _tokens);
        _control = new ControlEndpoint(this);
        ConfigureFromScenario();
    }

    /// <summary>e.g. <c>http://127.0.0.1:PORT/</c>: POST form-encoded EC2 Query requests here.</summary>
    public Uri Ec2Endpoint { get; private set; } = null!;

    /// <summary>IMDS of the default (first) instance.</summary>
    public Uri ImdsEndpoint => _imdsUris[World.DefaultInstanceId];

    /// <summary><c>http://127.0.0.1:PORT/_sim/</c>.</summary>
    public Uri ControlEndpoint => new(Ec2Endpoint, "_sim/");

    public SimWorld World { get; }

    public SimRequestLog RequestLog { get; } = new();

    internal FaultInjector Faults { get; } = new();

    internal SimAccessPolicy Policy { get; } = new();

    internal Ec2Throttle Throttle { get; }

    public static async Task<SimulatorServer> StartAsync(SimulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ScenarioValidator.Validate(options.Scenario, "scenario");
        var server = new SimulatorServer(options);
        try
        {
            await server.StartCoreAsync(cancellationToken).ConfigureAwait(false);
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

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

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
        Ec2Endpoint = new Uri($"http://127.0.0.1:{_ec2Port}/");
        foreach (var (id, listen) in imdsListens)
        {
            var port = listen.IPEndPoint!.Port;
            _imdsPorts[port] = id;
            _imdsUris[id] = new Uri($"http://127.0.0.1:{port}/");
        }

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
