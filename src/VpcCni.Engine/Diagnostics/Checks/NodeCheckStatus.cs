namespace VpcCni.Engine.Diagnostics.Checks;

/// <summary>The verdict of one node check.</summary>
public enum NodeCheckStatus
{
    Pass,

    /// <summary>Not broken, but close to it, or not checkable here (the detail says why).</summary>
    Warn,

    Fail,
}
