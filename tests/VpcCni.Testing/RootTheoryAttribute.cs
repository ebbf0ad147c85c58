
namespace VpcCni.Testing;

/// <summary>The theory form of <see cref="RootFactAttribute"/>: skipped only without root outside CI.</summary>
public sealed class RootTheoryAttribute : TheoryAttribute
{
    public RootTheoryAttribute()
    {
        if (!RootFactAttribute.IsCi && !RootFactAttribute.IsRoot)
        {
            Skip = "needs root (runs in CI, where a missing capability is a failure)";
        }
    }
}
