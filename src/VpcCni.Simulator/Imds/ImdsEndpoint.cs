using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using VpcCni.Simulator.World;

namespace VpcCni.Simulator.Imds;

/// <summary>
/// IMDSv2 of one instance (EC2 User Guide, "Use the Instance Metadata Service"): <c>PUT /latest/api/token</c> with a TTL header issues a
/// token; GETs need it (401 without, when tokens are required); absent paths are 404; values are
/// text/plain without a trailing newline.
/// </summary>
internal sealed class ImdsEndpoint(SimWorld world, ImdsTokenStore tokens)
{
    public const string TokenHeader = "X-aws-ec2-metadata-token";
    public const string TtlHeader = "X-aws-ec2-metadata-token-ttl-seconds";

    public async Task HandleAsync(HttpContext context, string instanceId)
    {
        // The .NET SDK appends "/latest/…" to the configured endpoint verbatim, so tolerate "//".
        var path = context.Request.Path.Value ?? "/";
        while (path.Contains("//", StringComparison.Ordinal))
        {
            path = path.Replace("//", "/", StringComparison.Ordinal);
        }

        var (status, body) = HttpMethods.IsPut(context.Request.Method)
            ? Put(context, path, instanceId)
            : HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? Get(context, path, instanceId)
                : (405, string.Empty);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain";
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private (int, string) Put(HttpContext context, string path, string instanceId)
    {
        if (path != "/latest/api/token")
        {
            // Version-specific token paths are refused (IMDS user guide, "Responses and error messages").
            return path.EndsWith("/api/token", StringComparison.Ordinal) ? (403, "Forbidden") : (405, string.Empty);
        }

        if (context.Request.Headers.ContainsKey("X-Forwarded-For"))
        {
            return (403, "Forbidden");
        }

        var ttlText = context.Request.Headers[TtlHeader].FirstOrDefault();
        if (!int.TryParse(ttlText, NumberStyles.None, CultureInfo.InvariantCulture, out var ttl) || ttl is < 1 or > 21600)
        {
            return (400, "Missing or Invalid Parameters");
        }

        context.Response.Headers[TtlHeader] = ttl.ToString(CultureInfo.InvariantCulture);
        return (200, tokens.Issue(instanceId, ttl));
    }

    private (int, string) Get(HttpContext context, string path, string instanceId)
    {
        path = LatestForm(path);
        var token = context.Request.Headers[TokenHeader].FirstOrDefault();
        if ((token is not null || world.Scenario.Imds.TokenRequired) && !tokens.IsValid(token, instanceId))
        {
            return (401, "Unauthorized");
        }

        return world.Inspect(w =>
        {
            if (!w.Instances.TryGetValue(instanceId, out var instance))
            {
                return (404, "Not Found");
            }

            if (path is "/latest/dynamic/instance-identity/document")
            {
                return (200, ImdsTree.IdentityDocument(w, instance));
            }

            if (path is "/latest" or "/latest/")
            {
                return (200, "dynamic\nmeta-data");
            }

            const string prefix = "/latest/meta-data";
            if (!path.StartsWith(prefix, StringComparison.Ordinal) || (path.Length > prefix.Length && path[prefix.Length] != '/'))
            {
                return (404, "Not Found");
            }

            var segments = path[prefix.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
            var node = ImdsTree.Build(w, instance).Resolve(segments);
            return node is null ? (404, "Not Found") : (200, node.IsCategory ? node.Listing() : node.Value!);
        });
    }

    /// <summary>
    /// A versioned path (<c>/2021-03-23/meta-data/…</c>, <c>/1.0/…</c>) reads what <c>/latest/</c> reads
    /// (EC2 User Guide, "Retrieve instance metadata": every published version stays available).
    /// </summary>
    private static string LatestForm(string path)
    {
        var end = path.IndexOf('/', 1);
        var first = end < 0 ? path[1..] : path[1..end];
        var isVersion = first == "1.0" || (first.Length == 10 &&
            DateOnly.TryParseExact(first, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
        return isVersion ? "/latest" + (end < 0 ? string.Empty : path[end..]) : path;
    }
}
