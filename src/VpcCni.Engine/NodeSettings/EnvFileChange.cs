using VpcCni.Engine.Configuration;

namespace VpcCni.Engine.NodeSettings;

/// <summary>
/// The outcome of an env-file edit (<see cref="EnvFileEditor"/>): which variables changed, which of them
/// the service applies live and which take a restart, the settings the file now binds to, and the
/// binder's notices (an ineffective combination, a deprecated variable).
/// </summary>
public sealed record EnvFileChange
{
    /// <summary>The env file's absolute path.</summary>
    public required string EnvironmentFile { get; init; }

    /// <summary>Every variable whose value in the file differs, in catalogue order.</summary>
    public required IReadOnlyList<VariableChange> Changes { get; init; }

    /// <summary>What the file binds to after the edit (environment file alone, no ConfigMap).</summary>
    public required VpcCniSettings Settings { get; init; }

    /// <summary>The binder's notices on the new file, as sentences.</summary>
    public required IReadOnlyList<string> Notices { get; init; }

    /// <summary>True when the file was written; false for a preview or when nothing changed.</summary>
    public bool Written { get; init; }

    /// <summary>Changed variables the service applies on its next reload.</summary>
    public IReadOnlyList<string> LiveVariables => [.. Changes.Where(c => c.AppliesLive).Select(c => c.Name)];

    /// <summary>Changed variables whose new value takes effect only after a restart.</summary>
    public IReadOnlyList<string> RestartRequired => [.. Changes.Where(c => !c.AppliesLive).Select(c => c.Name)];

    /// <summary>The changes as <c>NAME=value</c> (<c>NAME</c> unset) text, for confirmation prompts and logs.</summary>
    public string Describe() => Changes.Count == 0
        ? "no change"
        : string.Join(", ", Changes.Select(c => c.After is null ? $"unset {c.Name}" : $"{c.Name}={c.After}"));
}
