namespace VpcCni.Engine.Bootstrap;

/// <summary>What an install or uninstall did, with the kubelet's <c>--max-pods</c> for an install.</summary>
public sealed record NodeInstallSummary
{
    /// <summary>The root the node paths were placed under.</summary>
    public required string Root { get; init; }

    /// <summary>Every file with its action (with -WhatIf: what would have been done).</summary>
    public required IReadOnlyList<NodeFileChange> Files { get; init; }

    /// <summary>How many files were (or would be) written or removed.</summary>
    public int ChangedCount => Files.Count(f => f.IsChange);

    /// <summary>"Nothing to change" on a re-run; otherwise what changed.</summary>
    public string Message => ChangedCount == 0
        ? "Nothing to change: the node's files are already as asked."
        : string.Join(", ", Files.Where(f => f.IsChange).GroupBy(f => f.Action).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));

    /// <summary>The instance type the max-pods value is for; null when it could not be known.</summary>
    public string? InstanceType { get; init; }

    /// <summary>The kubelet's <c>--max-pods</c>; null for an uninstall or an unknown instance type.</summary>
    public int? MaxPods { get; init; }

    /// <summary>Whether the env file turns prefix delegation on (the value above assumes it).</summary>
    public bool PrefixDelegation { get; init; }

    /// <summary>The kubelet flag to use, e.g. <c>--max-pods=29</c>.</summary>
    public string? KubeletArgument => MaxPods is { } n ? FormattableString.Invariant($"--max-pods={n}") : null;

    /// <summary>The systemctl commands run (empty for an alternative root).</summary>
    public IReadOnlyList<string> SystemctlCommands { get; init; } = [];
}
