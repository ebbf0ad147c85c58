using VpcCni.Engine.Errors;
using VpcCni.Engine.Linux.PacketFilter;

namespace VpcCni.Engine.Tests.Linux.PacketFilter;

public sealed class CommandRunnerTests : IDisposable
{
    private readonly ThrowawayNamespaces _namespaces = new();

    public void Dispose() => _namespaces.Dispose();

    [Fact]
    public async Task RunFeedsStandardInputAndCapturesBothStreams()
    {
        var runner = new CommandRunner();

        var result = await runner.RunAsync("sh", ["-c", "cat; echo oops >&2"], "line one\nline two\n", CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("line one\nline two\n", result.StandardOutput);
        Assert.Equal("oops\n", result.StandardError);
    }

    [Fact]
    public async Task RunCheckedThrowsATypedErrorWithExitCodeAndStderr()
    {
        var runner = new CommandRunner();

        var error = await Assert.ThrowsAsync<CommandFailedException>(
            () => runner.RunCheckedAsync("sh", ["-c", "echo 'bad rule' >&2; exit 3"], null, CancellationToken.None));

        Assert.Equal(3, error.ExitCode);
        Assert.Equal("bad rule\n", error.StandardError);
        Assert.Equal(ErrorIds.PacketFilter.CommandFailed, error.ErrorId);
        Assert.Equal(VpcCniErrorCategory.ResourceUnavailable, error.Category);
        Assert.Contains("exited with code 3: bad rule", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AToolThatExitsBeforeReadingItsInputStillReportsItsExitCode()
    {
        var runner = new CommandRunner();
        var bigInput = new string('x', 4 * 1024 * 1024);

        var result = await runner.RunAsync("sh", ["-c", "echo stop >&2; exit 2"], bigInput, CancellationToken.None);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("stop\n", result.StandardError);
    }

    [Fact]
    public async Task AMissingProgramIsACommandFailureWithoutExitCode()
    {
        var runner = new CommandRunner();

        var error = await Assert.ThrowsAsync<CommandFailedException>(
            () => runner.RunAsync("vpccni-no-such-tool", [], null, CancellationToken.None));

        Assert.Null(error.ExitCode);
        Assert.Contains("vpccni-no-such-tool is not installed (searched /usr/local/sbin:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancellationStopsTheProcess()
    {
        var runner = new CommandRunner();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var started = DateTime.UtcNow;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync("sleep", ["30"], null, cts.Token));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [RootFact]
    public async Task ANamespacePathRunsTheCommandInsideThatNamespace()
    {
        var ns = _namespaces.Create("snat");

        var inside = await ThrowawayNamespaces.Runner(ns).RunCheckedAsync("ip", ["-o", "link", "show"], null, CancellationToken.None);

        Assert.StartsWith($"nsenter --net={ns} -- ip ", inside.CommandLine, StringComparison.Ordinal);
        Assert.Equal("lo", Assert.Single(inside.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Split(':')[1].Trim());
    }
}
