namespace VpcCni.Testing;

/// <summary>
/// A test of the root lane (real network namespaces, links, rules, iptables). It skips only on a
/// developer machine without root; under <c>CI=true</c> it always runs, so a missing capability
/// fails the run instead of passing silently (docs/architecture.md, "Tests").
/// </summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!IsCi && !IsRoot)
        {
            Skip = "needs root (runs in CI, where a missing capability is a failure)";
        }
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static bool IsRoot => Environment.IsPrivilegedProcess;
}
