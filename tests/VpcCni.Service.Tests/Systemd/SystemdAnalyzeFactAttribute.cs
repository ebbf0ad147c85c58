namespace VpcCni.Service.Tests.Systemd;

/// <summary>
/// A test that runs <c>systemd-analyze</c> (Debian package <c>systemd</c>, which .ci/run installs). It
/// skips only on a developer machine without the tool; under <c>CI=true</c> it always runs, so a missing
/// tool fails the run.
/// </summary>
public sealed class SystemdAnalyzeFactAttribute : FactAttribute
{
    public const string ToolPath = "/usr/bin/systemd-analyze";

    public SystemdAnalyzeFactAttribute()
    {
        if (!RootFactAttribute.IsCi && !File.Exists(ToolPath))
        {
            Skip = $"needs {ToolPath} (package systemd; runs in CI, where its absence is a failure)";
        }
    }
}
