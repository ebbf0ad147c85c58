using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VpcCni.Engine.Tests.Aws.Fakes;

/// <summary>
/// A tiny stateful IMDSv2 on 127.0.0.1:0 for behaviour the simulator does
/// not script: injected 5xx/aborted connections per path, token revocation, a refused token PUT.
/// Values live in a path → text map under <c>/latest/</c>; directory listings are derived from it.
/// </summary>
public sealed class FakeImdsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<TimeSpan>> _delays = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _log = new();
    private int _tokenCounter;

    private FakeImdsServer(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Every request as "METHOD /path STATUS", in arrival order.</summary>
    public IReadOnlyList<string> Log => [.. _log];

    public int TokenRequests => _log.Count(l => l.StartsWith("PUT ", StringComparison.Ordinal));

    /// <summary>HTTP status the token PUT answers; 200 issues a token.</summary>
    public int TokenStatus { get; set; } = 200;

    /// <summary>When true every GET is answered 401, whatever the token.</summary>
    public bool RejectAllTokens { get; set; }

    public static async Task<FakeImdsServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeImdsServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address);
        return server;
    }

    /// <summary>Sets a value at a path under <c>/latest/</c>, e.g. <c>meta-data/instance-id</c>.</summary>
    public void Set(string path, string value) => _values[path] = value;

    public void Remove(string path) => _values.TryRemove(path, out _);

    /// <summary>Answers the next <paramref name="count"/> requests for the path with <paramref name="status"/> (0 aborts the connection).</summary>
    public void FailNext(string path, int status, int count = 1)
    {
        var queue = _faults.GetOrAdd(path, _ => new ConcurrentQueue<int>());
        for (var i = 0; i < count; i++)
        {
            queue.Enqueue(status);
        }
    }

    /// <summary>Holds the next <paramref name="count"/> answers for the path back by <paramref name="delay"/>.</summary>
    public void DelayNext(string path, TimeSpan delay, int count = 1)
    {
        var queue = _delays.GetOrAdd(path, _ => new ConcurrentQueue<TimeSpan>());
        for (var i = 0; i < count; i++)
        {
            queue.Enqueue(delay);
        }
    }

    /// <summary>Forgets every issued token, as an IMDS restart or token expiry would.</summary>
    public void RevokeTokens() => _tokens.Clear();

    public int Count(string method, string path) => _log.Count(l => l.StartsWith(method + " /latest/" + path + " ", StringComparison.Ordinal));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (_delays.TryGetValue(path.Replace("/latest/", string.Empty, StringComparison.Ordinal), out var delays) && delays.TryDequeue(out var delay))
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                _log.Enqueue($"{context.Request.Method} {path} aborted");
                return;
            }
        }

        var status = Answer(context, path, out var body);
        _log.Enqueue($"{context.Request.Method} {path} {status.ToString(CultureInfo.InvariantCulture)}");
        if (status == 0)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain";
        if (body is not null)
        {
            await context.Response.WriteAsync(body);
        }
    }

    private int Answer(HttpContext context, string path, out string? body)
    {
        body = null;
        var relative = path.StartsWith("/latest/", StringComparison.Ordinal) ? path["/latest/".Length..] : path;
        if (_faults.TryGetValue(relative, out var queue) && queue.TryDequeue(out var injected))
        {
            return injected;
        }

        if (HttpMethods.IsPut(context.Request.Method) && relative == "api/token")
        {
            var ttlText = context.Request.Headers["X-aws-ec2-metadata-token-ttl-seconds"].ToString();
            if (!int.TryParse(ttlText, CultureInfo.InvariantCulture, out var ttl) || ttl is < 1 or > 21600)
            {
                return 400;
            }

            if (TokenStatus != 200)
            {
                return TokenStatus;
            }

            body = "token-" + Interlocked.Increment(ref _tokenCounter).ToString(CultureInfo.InvariantCulture);
            _tokens[body] = 0;
            context.Response.Headers["X-aws-ec2-metadata-token-ttl-seconds"] = ttlText;
            return 200;
        }

        var token = context.Request.Headers["X-aws-ec2-metadata-token"].ToString();
        if (RejectAllTokens || !_tokens.ContainsKey(token))
        {
            return 401;
        }

        if (_values.TryGetValue(relative.TrimEnd('/'), out var value))
        {
            body = value;
            return 200;
        }

        var prefix = relative.TrimEnd('/') + "/";
        var children = _values.Keys
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Select(k => k[prefix.Length..])
            .Select(rest => rest.Contains('/', StringComparison.Ordinal) ? rest[..(rest.IndexOf('/', StringComparison.Ordinal) + 1)] : rest)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (children.Count == 0)
        {
            return 404;
        }

        body = string.Join('\n', children);
        return 200;
    }
}
