using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
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
    public async Task HandleAsync(HttpContext context, string route)
    {
        var method = context.Request.Method;
        try
        {
            (object Value, JsonTypeInfo Type)? result = (method, route) switch
            {
                ("GET", "state") => Json(server.World.Inspect(SimStateView.Of)),
                ("GET", "requests") => (server.RequestLog.Snapshot(), ControlJsonContext.Default.IReadOnlyListSimRequestRecord),
                ("GET", "faults") => (server.Faults.Rules, ControlJsonContext.Default.IReadOnlyListFaultRule),
                ("POST", "faults") => AddFault(await ReadAsync(context, ControlJsonContext.Default.FaultRule).ConfigureAwait(false)),
                ("DELETE", "faults") => Do(server.Faults.Clear),
                ("POST", "reset") => Do(server.Reset),
                ("POST", "iam") => SetPolicy(await ReadAsync(context, ControlJsonContext.Default.SimPolicyRequest).ConfigureAwait(false)),
                ("POST", "throttle/drain") => Do(() => server.Throttle.Drain(context.Request.Query["action"].ToString())),
                _ => null,
            };
            if (result is null)
            {
                await WriteAsync(context, 404, Json(new JsonObject { ["error"] = $"no control route {method} /_sim/{route}" })).ConfigureAwait(false);
                return;
            }

            await WriteAsync(context, 200, result.Value).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or ScenarioException or ArgumentException)
        {
            await WriteAsync(context, 400, Json(new JsonObject { ["error"] = ex.Message })).ConfigureAwait(false);
        }
    }

    private static async Task<T> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type)
    {
        var value = await JsonSerializer.DeserializeAsync(context.Request.Body, type, context.RequestAborted).ConfigureAwait(false);
        return value ?? throw new ArgumentException("The request body must be a JSON object.");
    }

    private static Task WriteAsync(HttpContext context, int status, (object Value, JsonTypeInfo Type) reply)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(reply.Value, reply.Type, cancellationToken: context.RequestAborted);
    }

    private static (object, JsonTypeInfo) Json(JsonObject value) => (value, ControlJsonContext.Default.JsonObject);

    private static (object, JsonTypeInfo) Do(Action action)
    {
        action();
        return Json(new JsonObject { ["ok"] = true });
    }

    private (object, JsonTypeInfo) AddFault(FaultRule rule)
    {
        FaultValidator.Check(rule, "fault", (field, reason) => throw new ScenarioException("POST /_sim/faults", field, reason));
        server.Faults.Add(rule);
        return (server.Faults.Rules, ControlJsonContext.Default.IReadOnlyListFaultRule);
    }

    private (object, JsonTypeInfo) SetPolicy(SimPolicyRequest request)
    {
        if (request.AllowedActions?.FirstOrDefault(a => !Ec2ActionRegistry.IsKnown(a)) is { } unknown)
        {
            throw new ArgumentException($"allowedActions: '{unknown}' is not an action the simulator serves");
        }

        server.Policy.Set(request.AllowedActions);
        return Json(new JsonObject { ["allowedActions"] = server.Policy.Allowed is { } allowed ? new JsonArray([.. allowed.Select(a => (JsonNode?)a)]) : null });
    }
}
