using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using VpcCni.Simulator.Control;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Throttling;
using VpcCni.Simulator.World;

namespace VpcCni.Simulator.Ec2;

/// <summary>
/// Serves the EC2 Query protocol: form-encoded POST (or GET with a query string) with
/// <c>Action</c>/<c>Version</c> (EC2 API Reference, "Query requests for Amazon EC2"). Order per
/// request: with the scenario's <c>authentication</c>, <c>Version</c> and the SigV4 signature;
/// then injected latency and error, throttle bucket, IAM allow-list, then the action (which ends
/// at its DryRun checkpoint when <c>DryRun=true</c>). Without <c>authentication</c> nothing is checked.
/// </summary>
internal sealed class Ec2Endpoint(SimWorld world, Ec2Throttle throttle, FaultInjector faults, SimAccessPolicy policy, SimRequestLog log, ILogger logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in context.Request.Query)
        {
            values[key] = value.ToString();
        }

        // The signature covers the raw body, so keep it before the form is parsed.
        context.Request.EnableBuffering();
        using var raw = new MemoryStream();
        await context.Request.Body.CopyToAsync(raw, context.RequestAborted).ConfigureAwait(false);
        context.Request.Body.Position = 0;
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            foreach (var (key, value) in form)
            {
                values[key] = value.ToString();
            }
        }

        var requestId = Guid.NewGuid().ToString();
        var actionName = values.GetValueOrDefault("Action") ?? string.Empty;
        byte[] body;
        int status;
        string? errorCode = null;
        try
        {
            Authenticate(context.Request, values, raw.ToArray());
            body = await RunAsync(actionName, new Ec2QueryRequest(values), requestId, context.RequestAborted).ConfigureAwait(false);
            status = 200;
        }
        catch (Ec2Exception ex)
        {
            status = ex.HttpStatus;
            errorCode = ex.Code;
            body = Ec2ResponseWriter.Error(ex.Code, ex.Message, requestId);
        }

        log.Add(new SimRequestRecord(
            world.Time.GetUtcNow(),
            actionName,
            status,
            errorCode,
            context.Request.Headers["amz-sdk-invocation-id"].FirstOrDefault(),
            Attempt(context.Request.Headers["amz-sdk-request"].FirstOrDefault()),
            requestId));
        context.Response.StatusCode = status;
        // SDKs correct their clock skew from this header, so it carries the simulator's time.
        context.Response.Headers.Date = world.Time.GetUtcNow().ToString("R", CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/xml;charset=UTF-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task<byte[]> RunAsync(string actionName, Ec2QueryRequest request, string requestId, CancellationToken cancellationToken)
    {
        if (actionName.Length == 0)
        {
            throw Ec2Exception.Missing("Action");
        }

        var action = Ec2ActionRegistry.Find(actionName)
            ?? throw new Ec2Exception("InvalidAction", $"The action {actionName} is not valid for this web service.");
        var (latency, injected) = faults.Evaluate(action.Name);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, world.Time, cancellationToken).ConfigureAwait(false);
        }

        if (injected is not null)
        {
            throw injected;
        }

        if (!throttle.TryTake(action, request))
        {
            throw new Ec2Exception("RequestLimitExceeded", Ec2ErrorCodes.DefaultMessage("RequestLimitExceeded"));
        }

        if (!policy.IsAllowed(action.Name))
        {
            throw new Ec2Exception("UnauthorizedOperation", Ec2ErrorCodes.DefaultMessage("UnauthorizedOperation"));
        }

        return world.Execute(() =>
        {
            using var xml = new Ec2ResponseWriter(action.Name, requestId);
            action.Handler(new Ec2Call(action.Name, request, world, xml));
            return xml.Finish();
        });
    }

    private void Authenticate(HttpRequest request, Dictionary<string, string> values, byte[] body)
    {
        if (world.Scenario.Authentication is not { } auth)
        {
            return;
        }

        if (!values.ContainsKey("Version"))
        {
            throw Ec2Exception.Missing("Version");
        }

        try
        {
            SigV4Verifier.Verify(request, body, auth, world.Region, world.Time.GetUtcNow());
        }
        catch (Ec2Exception ex)
        {
            SimulatorLog.AuthenticationRefused(logger, ex.Code, ex.Message);
            throw;
        }
    }

    /// <summary>Reads N from <c>amz-sdk-request: attempt=N; max=M</c>.</summary>
    private static int? Attempt(string? header)
    {
        if (header is null)
        {
            return null;
        }

        foreach (var part in header.Split(';', StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("attempt=", StringComparison.Ordinal) &&
                int.TryParse(part.AsSpan(8), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }
        }

        return null;
    }
}
