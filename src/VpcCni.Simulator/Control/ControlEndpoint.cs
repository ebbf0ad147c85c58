using System.Text.Json;
using Microsoft.AspNetCore.Http;
using VpcCni.Simulator.Ec2;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Simulator.Control;

/// <summary>
/// <c>/_sim/…</c> on the EC2 port (never under <c>/latest/</c>; docs/simulator.md, "Control endpoint"): GET state and requests,
/// GET/POST/DELETE faults, POST reset, POST iam (allow-list), POST throttle/drain?action=X.
/// </summary>
internal sealed class ControlEndpoint(SimulatorServer server)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        WriteIndented = true,
    };

    public async Task HandleAsync(HttpContext context, string route)
    {
        var method = context.Request.Method;
        try
        {
            object? result = (method, route) switch
            {
                ("GET", "state") => server.World.Inspect(SimStateView.Of),
                ("GET", "requests") => server.RequestLog.Snapshot(),
                ("GET", "faults") => server.Faults.Rules,
                ("POST", "faults") => AddFault(await ReadAsync<FaultRule>(context).ConfigureAwait(false)),
                ("DELETE", "faults") => Do(server.Faults.Clear),
                ("POST", "reset") => Do(server.Reset),
                ("POST", "iam") => SetPolicy(await ReadAsync<SimPolicyRequest>(context).ConfigureAwait(false)),
                ("POST", "throttle/drain") => Do(() => server.Throttle.Drain(context.Request.Query["action"].ToString())),
                _ => null,
            };
            if (result is null)
            {
                await WriteAsync(context, 404, new { error = $"no control route {method} /_sim/{route}" }).ConfigureAwait(false);
                return;
            }

            await WriteAsync(context, 200, result).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or ScenarioException or ArgumentException)
        {
            await WriteAsync(context, 400, new { error = ex.Message }).ConfigureAwait(false);
        }
    }

    private static async Task<T> ReadAsync<T>(HttpContext context)
    {
        var value = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, Json, context.RequestAborted).ConfigureAwait(false);
        return value ?? throw new ArgumentException("The request body must be a JSON object.");
    }

    private static Task WriteAsync(HttpContext context, int status, object value)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(value, value.GetType(), Json, context.RequestAborted);
    }

    private static object Do(Action action)
    {
        action();
        return new { ok = true };
    }

    private object AddFault(FaultRule rule)
    {
        FaultValidator.Check(rule, "fault", (field, reason) => throw new ScenarioException("POST /_sim/faults", field, reason));
        server.Faults.Add(rule);
        return server.Faults.Rules;
    }

    private object SetPolicy(SimPolicyRequest request)
    {
        if (request.AllowedActions?.FirstOrDefault(a => !Ec2ActionRegistry.IsKnown(a)) is { } unknown)
        {
            throw new ArgumentException($"allowedActions: '{unknown}' is not an action the simulator serves");
        }

        server.Policy.Set(request.AllowedActions);
        return new { allowedActions = server.Policy.Allowed };
    }
}
