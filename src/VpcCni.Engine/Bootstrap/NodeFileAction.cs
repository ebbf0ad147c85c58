namespace VpcCni.Engine.Bootstrap;

/// <summary>What an install or uninstall does (or, with -WhatIf, would do) to one file.</summary>
public enum NodeFileAction
{
    Created,
    Updated,
    Unchanged,
    Removed,

    /// <summary>Uninstall: there was nothing to remove.</summary>
    Absent,

    /// <summary>Uninstall: the file is not ours (another CNI's configuration), so it stays.</summary>
    Kept,

    /// <summary>Install: written by the service, not by the installer (the CNI configuration, once the node is ready).</summary>
    Deferred,
}
