namespace VpcCni.Engine.Bootstrap;

/// <summary>One file of the install plan: where it is, what happens to it, and (internally) what to write.</summary>
public sealed record NodeFileChange
{
    /// <summary>The path as the node sees it, e.g. <c>/opt/cni/bin/vpc-cni</c>.</summary>
    public required string NodePath { get; init; }

    /// <summary>The path written, under the root directory.</summary>
    public required string Path { get; init; }

    public required NodeFileAction Action { get; init; }

    /// <summary>Why, when it is not obvious (a kept foreign file, a deferred one).</summary>
    public string? Note { get; init; }

    /// <summary>True for the actions that write or remove something.</summary>
    public bool IsChange => Action is NodeFileAction.Created or NodeFileAction.Updated or NodeFileAction.Removed;

    internal byte[]? Content { get; init; }

    internal UnixFileMode Mode { get; init; }
}
