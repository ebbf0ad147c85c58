namespace VpcCni.Bench;

/// <summary>
/// One section of docs/PERFORMANCE.md. Suites are found by reflection, run in name order, and
/// return their section as Markdown (a table of figures, the reference run beside ours).
/// </summary>
public interface IBenchmarkSuite
{
    /// <summary>Short name used by <c>--filter</c>.</summary>
    string Name { get; }

    /// <summary>Section heading.</summary>
    string Title { get; }

    /// <summary>Whether the suite can run here (for example, needs root); the reason goes into the document otherwise.</summary>
    string? CannotRunReason();

    Task<string> RunAsync(BenchOptions options, CancellationToken cancellationToken);
}
