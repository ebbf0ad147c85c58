namespace VpcCni.Engine.Configuration;

/// <summary>
/// A remark about one key that did not stop the configuration from binding: unknown keys
/// (warnings), keys the Linux node ignores, deprecated keys and settings without effect.
/// </summary>
/// <param name="Key">The key as written by the operator (environment name or ConfigMap key).</param>
/// <param name="Source">Where the key was found.</param>
/// <param name="Kind">Why it is reported.</param>
/// <param name="Message">A sentence for the log.</param>
public sealed record ConfigurationNotice(string Key, ConfigurationSource Source, ConfigurationNoticeKind Kind, string Message)
{
    /// <summary>True for unknown keys, which should be logged as warnings rather than information.</summary>
    public bool IsWarning => Kind == ConfigurationNoticeKind.UnknownKey;
}
