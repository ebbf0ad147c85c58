namespace VpcCni.Bench;

/// <summary>Knobs shared by every suite.</summary>
/// <param name="Quick">Fewer iterations, for a smoke run of the harness itself.</param>
public sealed record BenchOptions(bool Quick)
{
    /// <summary>Scales an iteration count down in quick mode.</summary>
    public int Iterations(int full) => Quick ? Math.Max(1, full / 20) : full;
}
