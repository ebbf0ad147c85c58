namespace VpcCni.Service.Tests.Metrics;

/// <summary>
/// A test that needs <c>/usr/bin/promtool</c>. It skips only on a developer machine without it;
/// under <c>CI=true</c> it always runs, so a missing promtool fails the run (.ci/run installs it).
/// </summary>
public sealed class PromtoolFactAttribute : FactAttribute
{
    public PromtoolFactAttribute()
    {
        if (!RootFactAttribute.IsCi && !File.Exists(Promtool.Path))
        {
            Skip = $"needs {Promtool.Path} (Debian package prometheus; runs in CI, where its absence is a failure)";
        }
    }
}
