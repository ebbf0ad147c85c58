using System.Runtime.Versioning;

namespace VpcCni.Bench;

/// <summary>
/// The published node service's idle footprint, a suite of its own so that a change to the
/// publishing settings is re-measured alone (<c>-Filter footprint</c>) in a few minutes.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class NodeFootprintBench : IBenchmarkSuite
{
    public string Name => "node-footprint";

    public string Title => "Node service: idle footprint";

    public string? CannotRunReason() => OperatingSystem.IsLinux() ? null : "needs Linux (Unix socket, /proc)";

    public Task<string> RunAsync(BenchOptions options, CancellationToken cancellationToken) =>
        NodeFootprint.MeasureAsync(options, cancellationToken);
}
