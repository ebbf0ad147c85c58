namespace VpcCni.Simulator.Tests.Support;

/// <summary>
/// A root-lane test (real network namespaces). It skips only on a developer machine without root;
/// under <c>CI=true</c> it always runs, so a missing capability fails instead of passing silently.
/// </summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!ci && !Environment.IsPrivilegedProcess)
        {
            Skip = "needs root (runs in CI, where a missing capability is a failure)";
        }
    }
}
