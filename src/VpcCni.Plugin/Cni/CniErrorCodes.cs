namespace VpcCni.Plugin.Cni;

/// <summary>
/// The error codes the plugin prints in its error JSON: the CNI spec's well-known codes (section
/// "Error", 0–99 reserved) and the plugin's own from 100 (docs/plugin.md, "Error codes").
/// </summary>
public static class CniErrorCodes
{
    public const int IncompatibleVersion = 1;
    public const int UnsupportedField = 2;
    public const int UnknownContainer = 3;
    public const int InvalidEnvironment = 4;
    public const int IoFailure = 5;
    public const int DecodingFailure = 6;
    public const int InvalidNetworkConfig = 7;
    public const int TryAgainLater = 11;

    /// <summary>STATUS: the plugin cannot serve ADD now.</summary>
    public const int PluginNotAvailable = 50;

    /// <summary>STATUS: ADD works but pods may lack some connectivity.</summary>
    public const int LimitedConnectivity = 51;

    /// <summary>Ours: CHECK found the pod's or the host's network different from prevResult.</summary>
    public const int CheckFailed = 100;

    public const int Internal = 999;
}
