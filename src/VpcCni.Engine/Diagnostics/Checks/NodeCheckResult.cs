namespace VpcCni.Engine.Diagnostics.Checks;

/// <summary>What one check found: its verdict, what it saw, and what to do about it.</summary>
/// <param name="Name">The check's name (<see cref="INodeCheck.Name"/>).</param>
/// <param name="Status">Pass, Warn or Fail.</param>
/// <param name="Detail">What was seen, with the figures or names that decided the verdict.</param>
/// <param name="Remedy">What to change; empty on a pass.</param>
public sealed record NodeCheckResult(string Name, NodeCheckStatus Status, string Detail, string Remedy = "")
{
    public static NodeCheckResult Pass(string name, string detail) => new(name, NodeCheckStatus.Pass, detail);

    public static NodeCheckResult Warn(string name, string detail, string remedy) => new(name, NodeCheckStatus.Warn, detail, remedy);

    public static NodeCheckResult Fail(string name, string detail, string remedy) => new(name, NodeCheckStatus.Fail, detail, remedy);
}
