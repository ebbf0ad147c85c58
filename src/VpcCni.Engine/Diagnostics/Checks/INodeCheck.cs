namespace VpcCni.Engine.Diagnostics.Checks;

/// <summary>
/// One troubleshooting check of a node (docs/cmdlets/Test-VpcCniNode.md, "Troubleshooting"). A check
/// may throw when a source it needs cannot be read; <see cref="NodeCheckRunner"/> turns that into a
/// Fail or Warn naming the source, so one unreadable source never hides the other checks.
/// </summary>
public interface INodeCheck
{
    /// <summary>The stable name users select with <c>-Check</c>.</summary>
    string Name { get; }

    /// <summary>One line: what the check looks at.</summary>
    string Description { get; }

    Task<NodeCheckResult> RunAsync(NodeCheckContext context, CancellationToken cancellationToken);
}
