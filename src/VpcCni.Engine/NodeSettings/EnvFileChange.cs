using VpcCni.Engine.Configuration;

namespace VpcCni.Engine.NodeSettings;

/// <summary>
/// The outcome of an env-file edit (<see cref="EnvFileEditor"/>) or of a ConfigMap edit
/// (<see cref="ClusterSettingsEditor"/>): which variables changed, which of them the service applies
/// live and which take a restart, the settings the file (or the ConfigMap over the defaults) now binds
/// to, and the binder's notices (an ineffective combination, a deprecated variable).
/// </summary>
public sealed record EnvFileChange
{
    /// <summary>The env file's absolute path; null for a ConfigMap edit.</summary>
    public string? EnvironmentFile { get; init; }

    /// <summary>The ConfigMap as <c>namespace/name</c>, with the API server, for a ConfigMap edit; otherwise null.</summary>
    public string? ConfigMap { get; init; }

    /// <summary>Where the change was (or would be) written: the env file, or the ConfigMap.</summary>
    public string Location => ConfigMap is null ? EnvironmentFile ?? string.Empty : $"ConfigMap {ConfigMap}";

    /// <summary>Every variable whose value in the file differs, in catalogue order.</summary>
    public required IReadOnlyList<VariableChange> Changes { get; init; }

    /// <summary>What the edit binds to: the env file alone, or the ConfigMap over the defaults (no node environment).</summary>
    public required VpcCniSettings Settings { get; init; }

    /// <summary>The binder's notices on the new file, as sentences.</summary>
    public required IReadOnlyList<string> Notices { get; init; }

    /// <summary>True when the file was written; false for a preview or when nothing changed.</summary>
    public bool Written { get; init; }

    /// <summary>Changed variables the service applies on its next reload.</summary>
    public IReadOnlyList<string> LiveVariables => [.. Changes.Where(c => c.AppliesLive).Select(c => c.Name)];

    /// <summary>Changed variables whose new value takes effect only after a restart.</summary>
    public IReadOnlyList<string> RestartRequired => [.. Changes.Where(c => !c.AppliesLive).Select(c => c.Name)];

    /// <summary>
    /// The changes as <c>NAME=value</c> (<c>unset NAME</c>) text, for confirmation prompts and logs; a
    /// ConfigMap edit names the key and the variable (<c>warm-ip-target=12 (WARM_IP_TARGET)</c>).
    /// </summary>
    public string Describe() => Changes.Count == 0
        ? "no change"
        : string.Join(", ", Changes.Select(c => c.ConfigMapKey is null
            ? c.After is null ? $"unset {c.Name}" : $"{c.Name}={c.After}"
            : c.After is null ? $"unset {c.ConfigMapKey} ({c.Name})" : $"{c.ConfigMapKey}={c.After} ({c.Name})"));
}
