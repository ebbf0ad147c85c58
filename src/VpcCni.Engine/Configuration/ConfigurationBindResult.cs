namespace VpcCni.Engine.Configuration;

/// <summary>
/// The outcome of binding: the typed settings, every rejected value, and the notices about keys
/// that were accepted but deserve attention.
/// </summary>
/// <param name="Settings">The typed settings (rejected values keep their defaults).</param>
/// <param name="Errors">Every rejected value; empty when the configuration is valid.</param>
/// <param name="Notices">Unknown keys (warnings), keys the node ignores, deprecated and ineffective keys.</param>
public sealed record ConfigurationBindResult(
    VpcCniSettings Settings,
    IReadOnlyList<ConfigurationError> Errors,
    IReadOnlyList<ConfigurationNotice> Notices)
{
    /// <summary>True when nothing was rejected.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>The notices that should be logged as warnings (unknown keys).</summary>
    public IReadOnlyList<ConfigurationNotice> Warnings => Notices.Where(n => n.IsWarning).ToArray();

    /// <summary>Throws <see cref="InvalidConfigurationException"/> when anything was rejected.</summary>
    public ConfigurationBindResult ThrowIfInvalid() => IsValid ? this : throw new InvalidConfigurationException(Errors);
}
