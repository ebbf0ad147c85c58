using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VpcCni.Service.Hosting;
using VpcCni.Service.Introspection;
using VpcCni.Service.Tests.Support;

namespace VpcCni.Service.Tests.Introspection;

public sealed class IntrospectionListenerTests
{
    [Fact]
    public async Task IntrospectionBindsToLoopbackPort61679ByDefault()
    {
        var builder = NodeServiceHost.CreateBuilder([]);
        await using var app = NodeServiceHost.Build(builder);

        var options = app.Services.GetRequiredService<IOptions<IntrospectionOptions>>().Value;

        Assert.False(options.Disabled);
        Assert.Equal("127.0.0.1:61679", options.BindAddress);
        Assert.Equal(IPAddress.Loopback, options.ParseListener().Address);
        Assert.Equal(61679, options.ParseListener().Port);
        Assert.True(options.ParseListener().IsLocalOnly);
    }

    [Fact]
    public async Task TheHostListensOnTheConfiguredLoopbackAddressWithHttp11()
    {
        var ports = HttpListeners.Allocate();
        await using var service = await ServiceHarness.StartAsync(settings: ports.Settings());

        var addresses = service.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        using var http = new HttpClient { DefaultRequestVersion = HttpVersion.Version11 };
        using var response = await http.GetAsync(ports.Introspection("/healthz"));

        Assert.Contains($"http://127.0.0.1:{ports.IntrospectionPort}", addresses);
        Assert.Equal(HttpVersion.Version11, response.Version);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AUnixBindAddressServesIntrospectionOnThatSocket()
    {
        using var directory = new TempDirectory();
        var socket = Path.Combine(directory.Path, "introspect.sock");
        await using var service = await ServiceHarness.StartAsync(
            d => ServiceHarness.SeedSecondaryEni(d, "10.0.5.7/32"),
            new Dictionary<string, string?> { ["DISABLE_INTROSPECTION"] = "false", ["INTROSPECTION_BIND_ADDRESS"] = "unix:" + socket },
            directory);
        using var http = UnixSocketHttp.Create(socket);

        using var ready = await http.GetAsync(new Uri("http://localhost/readyz"));
        var enis = await http.GetStringAsync(new Uri("http://localhost/v1/enis"));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"eni-second\"", enis, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUnixSocketLeftByAKilledServiceIsTakenOver()
    {
        using var directory = new TempDirectory();
        var socket = Path.Combine(directory.Path, "introspect.sock");
        using (var dead = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified))
        {
            // A socket file nobody listens on, as a process killed with SIGKILL leaves it (unix(7)): .NET
            // unlinks the path it bound on dispose, so a second link to the socket is what stays behind.
            dead.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(socket + ".bound"));
            using var link = System.Diagnostics.Process.Start("ln", [socket + ".bound", socket])!;
            await link.WaitForExitAsync();
        }

        Assert.True(File.Exists(socket));
        await using var service = await ServiceHarness.StartAsync(
            settings: new Dictionary<string, string?> { ["DISABLE_INTROSPECTION"] = "false", ["INTROSPECTION_BIND_ADDRESS"] = "unix:" + socket },
            directory: directory);
        using var http = UnixSocketHttp.Create(socket);

        using var health = await http.GetAsync(new Uri("http://localhost/healthz"));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("1")]
    public async Task DisableIntrospectionRemovesTheListener(string disable)
    {
        var ports = HttpListeners.Allocate();
        await using var service = await ServiceHarness.StartAsync(settings: ports.Settings(new Dictionary<string, string?> { ["DISABLE_INTROSPECTION"] = disable }));

        var addresses = service.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        using var http = new HttpClient();

        Assert.DoesNotContain(addresses, a => a.EndsWith($":{ports.IntrospectionPort}", StringComparison.Ordinal));
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(ports.Introspection("/healthz")));
    }

    [Fact]
    public async Task AHostNameAsBindAddressStopsStartUpNamingTheVariable()
    {
        using var directory = new TempDirectory();
        var builder = NodeServiceHost.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["IpamSocket:Path"] = ServiceHarness.SocketPathIn(directory),
            ["Datastore:CheckpointPath"] = Path.Combine(directory.Path, "ipam.json"),
            ["INTROSPECTION_BIND_ADDRESS"] = "node.example.com:61679",
            ["DISABLE_METRICS"] = "true",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = NodeServiceHost.Build(builder);
            await app.StartAsync();
        });

        Assert.Contains("INTROSPECTION_BIND_ADDRESS 'node.example.com:61679'", error.Message, StringComparison.Ordinal);
    }
}
