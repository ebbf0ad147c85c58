namespace VpcCni.Engine.Configuration;

/// <summary>What one live reload of the configuration did.</summary>
/// <param name="AppliedChanges">Variables marked live whose new value is now in force.</param>
/// <param name="RestartRequired">Changed variables that apply only after a restart; their running value is kept.</param>
/// <param name="Rejection">Why the new configuration was refused (the running settings are kept), or null.</param>
public sealed record SettingsReloadResult(
    IReadOnlyList<string> AppliedChanges,
    IReadOnlyList<string> RestartRequired,
    InvalidConfigurationException? Rejection = null)
{
    /// <summary>True when new settings were published.</summary>
    public bool Applied => Rejection is null && AppliedChanges.Count > 0;
}
