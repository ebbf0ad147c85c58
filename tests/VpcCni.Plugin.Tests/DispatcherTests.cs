using VpcCni.Engine.Errors;
using VpcCni.Plugin.Tests.Support;

namespace VpcCni.Plugin.Tests;

/// <summary>The dispatcher without a node: what reaches stdout, the exit code, and the spec's codes.</summary>
public sealed class DispatcherTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Conf(string version = "1.1.0") =>
        NetConfJson.Base(_dir.File("nobody-listens.sock"), _dir.File("plugin.log"), version).ToJsonString();

    private static Task<PluginOutcome> RunAsync(Dictionary<string, string> environment, string stdin) =>
        PluginRunner.RunAsync(PluginHost.Node, environment, stdin);

    [Fact]
    public async Task VersionListsTheThreeSupportedVersionsWithoutReadingStdin()
    {
        var outcome = await RunAsync(new() { ["CNI_COMMAND"] = "VERSION" }, "not json at all");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("""{"cniVersion":"1.1.0","supportedVersions":["0.4.0","1.0.0","1.1.0"]}""", outcome.Stdout.Trim());
    }

    [Fact]
    public async Task AnUnknownCommandIsCode4InTheErrorJsonShape()
    {
        var outcome = await RunAsync(new() { ["CNI_COMMAND"] = "ATTACH" }, Conf());
        Assert.Equal(1, outcome.ExitCode);
        var json = outcome.Json;
        Assert.Equal(["cniVersion", "code", "msg", "details"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal((4, ErrorIds.Plugin.MissingEnvironment), (outcome.Code, outcome.Details));
    }

    [Fact]
    public async Task TheErrorJsonSpeaksTheConfigurationsVersion()
    {
        var environment = PluginRunner.Environment("ADD", "c1", "/proc/self/ns/net", "p");
        environment.Remove("CNI_IFNAME");
        var outcome = await RunAsync(environment, Conf("0.4.0"));
        Assert.Equal(("0.4.0", 4), (outcome.Json.GetProperty("cniVersion").GetString(), outcome.Code));
    }

    [Fact]
    public async Task AddWithTheServiceDownIsTryAgainLaterAndLogsNothingToStdoutButTheError()
    {
        var outcome = await RunAsync(PluginRunner.Environment("ADD", "c1", "/proc/self/ns/net", "p"), Conf());
        Assert.Equal((11, ErrorIds.Plugin.ServiceUnavailable), (outcome.Code, outcome.Details));
        Assert.Single(outcome.Stdout.Trim().Split('\n'));
        Assert.Contains("CNI ADD for container c1", File.ReadAllText(_dir.File("plugin.log")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DelWithTheServiceDownAndNoPrevResultSucceedsSilently()
    {
        var outcome = await RunAsync(PluginRunner.Environment("DEL", "c1", string.Empty, "p"), Conf());
        Assert.Equal((0, string.Empty), (outcome.ExitCode, outcome.Stdout));
    }

    [Fact]
    public async Task StatusWithTheServiceDownIsCode50()
    {
        var outcome = await RunAsync(new() { ["CNI_COMMAND"] = "STATUS" }, Conf());
        Assert.Equal((50, ErrorIds.Plugin.NotReady), (outcome.Code, outcome.Details));
    }

    [Fact]
    public async Task LogLinesAreJsonWithLevelTimeEventAndMessage()
    {
        await RunAsync(PluginRunner.Environment("DEL", "c9", string.Empty, "p"), Conf());
        var line = File.ReadLines(_dir.File("plugin.log")).First();
        var json = System.Text.Json.JsonDocument.Parse(line).RootElement;
        Assert.Equal(("info", 8000), (json.GetProperty("level").GetString(), json.GetProperty("eventId").GetInt32()));
        Assert.Equal("c9", json.GetProperty("ContainerId").GetString());
    }
}
