namespace VpcCni.Engine.Support;

/// <summary>
/// Thrown by a source that has nothing to give on this machine by design (an optional tool such as
/// nft that is not installed): the manifest lists it as skipped rather than as an error.
/// </summary>
public sealed class SupportBundleSkippedException : Exception
{
    public SupportBundleSkippedException()
    {
    }

    public SupportBundleSkippedException(string message)
        : base(message)
    {
    }

    public SupportBundleSkippedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
