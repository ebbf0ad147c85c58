using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VpcCni.Service.Cni;
using VpcCni.Service.Node;
using VpcCni.Service.Tests.Support;

namespace VpcCni.Service.Tests.Cni;

/// <summary>The real host with the writer on, writing into a temporary directory.</summary>
public sealed class CniConfigWriterTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task TheFileAppearsOnlyOnceThePoolCanHandOutAnAddress()
    {
        using var directory = new TempDirectory();
        var netd = Path.Combine(directory.Path, "net.d");
        await using var service = await ServiceHarness.StartAsync(settings: Writing(("CniConfig:Directory", netd)), directory: directory);
        var writer = Writer(service);
        var file = Path.Combine(netd, CniConfigOptions.DefaultFileName);

        // Serving on the socket, but the pool is empty: /readyz answers 503, so the kubelet must not see a network yet.
        await Task.Delay(CniConfigWriter.CheckInterval * 2);
        Assert.False(service.App.Services.GetRequiredService<NodeReadiness>().CanAssignAddress);
        Assert.False(writer.ExecuteTask!.IsCompleted);
        Assert.False(File.Exists(file));

        ServiceHarness.SeedSecondaryEni(service.Datastore, "10.0.1.10/32");
        await writer.ExecuteTask.WaitAsync(Wait);

        var list = LibcniConfList.Load(file);
        Assert.Equal("aws-cni", list.Name);
        Assert.Equal(service.SocketPath, list.Plugin("vpc-cni").GetProperty("ipamSocket").GetString());
        Assert.Equal(CniConfigFile(), File.GetUnixFileMode(file));
        Assert.Equal(CniConfigFile() | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute, File.GetUnixFileMode(netd));
        Assert.Equal([file], Directory.GetFiles(netd));
    }

    [Fact]
    public async Task ANodeReadyAtStartWritesItsSettingsUnderTheConfiguredNameAndReplacesWhatWasThere()
    {
        using var directory = new TempDirectory();
        var file = Path.Combine(directory.Path, "05-vpc.conflist");
        File.WriteAllText(file, "left by an earlier run");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(file + ".tmp", "a temporary file a crash left behind");

        await using var service = await ServiceHarness.StartAsync(
            seed: d => ServiceHarness.SeedSecondaryEni(d, "10.0.1.10/32"),
            settings: Writing(
                ("CniConfig:Directory", directory.Path), ("CniConfig:FileName", "05-vpc.conflist"),
                ("CniConfig:NetworkPolicySocket", "/run/np/npa.sock"), ("POD_MTU", "1500"), ("ENABLE_BANDWIDTH_PLUGIN", "true")),
            directory: directory);
        await Writer(service).ExecuteTask!.WaitAsync(Wait);

        var list = LibcniConfList.Load(file);
        Assert.Equal(["vpc-cni", "portmap", "bandwidth"], list.PluginTypes);
        Assert.Equal("1500", list.Plugin("vpc-cni").GetProperty("mtu").GetString());
        Assert.Equal("/run/np/npa.sock", list.Plugin("vpc-cni").GetProperty("networkPolicySocket").GetString());
        Assert.Equal(CniConfigFile(), File.GetUnixFileMode(file));
        Assert.False(File.Exists(file + ".tmp"));
    }

    [Fact]
    public async Task HostCniConfDirPathNamesTheDirectoryUnlessTheKeyIsConfigured()
    {
        // A harness removes its directory when it stops; the files are looked at afterwards, in a directory of their own.
        using var files = new TempDirectory();
        var upstream = Path.Combine(files.Path, "upstream");
        var ours = Path.Combine(files.Path, "ours");

        await using (var service = await StartReadyAsync(new TempDirectory(), ("HOST_CNI_CONFDIR_PATH", upstream)))
        {
            await Writer(service).ExecuteTask!.WaitAsync(Wait);
        }

        await using (var service = await StartReadyAsync(new TempDirectory(), ("HOST_CNI_CONFDIR_PATH", upstream), ("CniConfig:Directory", ours)))
        {
            await Writer(service).ExecuteTask!.WaitAsync(Wait);
        }

        Assert.Equal([Path.Combine(upstream, CniConfigOptions.DefaultFileName)], Directory.GetFiles(upstream));
        Assert.Equal([Path.Combine(ours, CniConfigOptions.DefaultFileName)], Directory.GetFiles(ours));
    }

    [Fact]
    public async Task TurnedOffNothingIsWrittenEvenOnceReady()
    {
        using var directory = new TempDirectory();
        var netd = Path.Combine(directory.Path, "net.d");
        await using var service = await ServiceHarness.StartAsync(
            seed: d => ServiceHarness.SeedSecondaryEni(d, "10.0.1.10/32"),
            settings: new Dictionary<string, string?> { ["CniConfig:Enabled"] = "false", ["CniConfig:Directory"] = netd },
            directory: directory);

        await Writer(service).ExecuteTask!.WaitAsync(Wait);
        await Task.Delay(CniConfigWriter.CheckInterval);

        Assert.True(service.App.Services.GetRequiredService<NodeReadiness>().CanAssignAddress);
        Assert.False(Directory.Exists(netd));
    }

    [Fact]
    public async Task ASimulatedHostNetworkWritesNothingToTheDefaultDirectory()
    {
        using var directory = new TempDirectory();
        await using var service = await ServiceHarness.StartAsync(
            settings: Writing(("HostNetwork:Simulated", "true")), directory: directory);

        // It gives up at once, on an empty pool, instead of waiting to write /etc/cni/net.d.
        await Writer(service).ExecuteTask!.WaitAsync(Wait);

        Assert.False(service.App.Services.GetRequiredService<NodeReadiness>().CanAssignAddress);
        Assert.True(service.App.Services.GetRequiredService<IOptions<CniConfigOptions>>().Value.Enabled);
    }

    [Theory]
    [InlineData("CniConfig:Directory", "etc/cni/net.d", "CniConfig:Directory 'etc/cni/net.d' must be an absolute path")]
    [InlineData("CniConfig:FileName", "10-aws.conf", "CniConfig:FileName '10-aws.conf' must be a file name")]
    [InlineData("CniConfig:FileName", "../10-aws.conflist", "CniConfig:FileName '../10-aws.conflist' must be a file name")]
    [InlineData("CniConfig:FileName", ".conflist", "CniConfig:FileName '.conflist' must be a file name")]
    [InlineData("CniConfig:NetworkPolicySocket", "npa.sock", "CniConfig:NetworkPolicySocket 'npa.sock' must be an absolute path")]
    public async Task StartIsRefusedWithTheKeyAtFault(string key, string value, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ServiceHarness.StartAsync(settings: Writing((key, value))));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Writing(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?> { ["CniConfig:Enabled"] = "true" };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return all;
    }

    private static Task<ServiceHarness> StartReadyAsync(TempDirectory directory, params (string Key, string Value)[] settings) =>
        ServiceHarness.StartAsync(seed: d => ServiceHarness.SeedSecondaryEni(d, "10.0.1.10/32"), settings: Writing(settings), directory: directory);

    private static CniConfigWriter Writer(ServiceHarness service) =>
        service.App.Services.GetServices<IHostedService>().OfType<CniConfigWriter>().Single();

    private static UnixFileMode CniConfigFile() =>
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
}
