using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Configuration;
using VpcCni.Service.Configuration;
using VpcCni.Service.Hosting;
using VpcCni.Service.Tests.Support;

namespace VpcCni.Service.Tests.Configuration;

/// <summary>
/// The node-service host in process with an environment file, as <c>run --config</c> assembles it, and
/// the introspection listener on a free port; <see cref="ReloadAsync"/> rewrites the file and reads it
/// again, which is what SIGHUP does.
/// </summary>
internal sealed class EnvFileHost : IAsyncDisposable
{
    private EnvFileHost(WebApplication app, TempDirectory directory, string envFile, HttpListeners ports)
    {
        App = app;
        Directory = directory;
        EnvFile = envFile;
        Ports = ports;
    }

    public WebApplication App { get; }

    public TempDirectory Directory { get; }

    public string EnvFile { get; }

    public HttpListeners Ports { get; }

    public static async Task<EnvFileHost> StartAsync(string envContent, IDictionary<string, string?>? settings = null)
    {
        var directory = new TempDirectory();
        var envFile = Path.Combine(directory.Path, "vpc-cni.env");
        await File.WriteAllTextAsync(envFile, envContent);
        var ports = HttpListeners.Allocate();
        var configuration = ports.Settings(new Dictionary<string, string?>
        {
            ["IpamSocket:Path"] = ServiceHarness.SocketPathIn(directory),
            ["Datastore:CheckpointPath"] = Path.Combine(directory.Path, "ipam.json"),
            ["NodeLoop:Enabled"] = "false",
            ["DISABLE_METRICS"] = "true",
        });
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var builder = NodeServiceHost.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.AddNodeConfiguration(envFile, pollInterval: null);
        var app = NodeServiceHost.Build(builder);
        await app.StartAsync();
        return new EnvFileHost(app, directory, envFile, ports);
    }

    /// <summary>Writes <paramref name="envContent"/> and reads the file again.</summary>
    public async Task ReloadAsync(string envContent)
    {
        await File.WriteAllTextAsync(EnvFile, envContent);
        EnvFileConfigurationProvider.ReloadAll(App.Services.GetRequiredService<IConfiguration>());
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Directory.Dispose();
    }
}
