using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VpcCni.Plugin.Tests.Support;

/// <summary>
/// A real gRPC server for <c>rpc.NPBackend</c> on a temp Unix socket, standing in for the network-policy
/// agent: it keeps the pods it enforces policy on, forgets them on DeletePodNp, and refuses pods named
/// in <see cref="FakeNpBackend.Refuse"/>.
/// </summary>
internal sealed class FakeNetworkPolicyAgent : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeNetworkPolicyAgent(WebApplication app, FakeNpBackend backend, string socketPath)
    {
        _app = app;
        Backend = backend;
        SocketPath = socketPath;
    }

    public FakeNpBackend Backend { get; }

    public string SocketPath { get; }

    public static async Task<FakeNetworkPolicyAgent> StartAsync(string socketPath)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var backend = new FakeNpBackend();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(backend);
        builder.WebHost.ConfigureKestrel(k => k.ListenUnixSocket(socketPath, l => l.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        app.MapGrpcService<FakeNpBackend>();
        await app.StartAsync();
        return new FakeNetworkPolicyAgent(app, backend, socketPath);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
