using VpcCni.Engine.Errors;

namespace VpcCni.Plugin.Cni;

/// <summary>
/// A failure the plugin reports to the runtime as the CNI error JSON: <see cref="Code"/> is the
/// spec's code (<see cref="CniErrorCodes"/>), the message its <c>msg</c>, and the error id its <c>details</c>.
/// </summary>
public sealed class CniException : VpcCniException
{
    public CniException()
        : this(CniErrorCodes.Internal, ErrorIds.Plugin.Internal, "An internal plugin error occurred.")
    {
    }

    public CniException(string message)
        : this(CniErrorCodes.Internal, ErrorIds.Plugin.Internal, message)
    {
    }

    public CniException(string message, Exception innerException)
        : this(CniErrorCodes.Internal, ErrorIds.Plugin.Internal, message, innerException)
    {
    }

    public CniException(int code, string errorId, string message, Exception? innerException = null)
        : base(CategoryOf(code), errorId, message, innerException) => Code = code;

    /// <summary>The CNI error code printed in the error JSON.</summary>
    public int Code { get; }

    private static VpcCniErrorCategory CategoryOf(int code) => code switch
    {
        CniErrorCodes.UnknownContainer => VpcCniErrorCategory.NotFound,
        CniErrorCodes.TryAgainLater or CniErrorCodes.PluginNotAvailable => VpcCniErrorCategory.ResourceUnavailable,
        CniErrorCodes.Internal => VpcCniErrorCategory.Internal,
        CniErrorCodes.CheckFailed => VpcCniErrorCategory.Conflict,
        _ => VpcCniErrorCategory.InvalidArgument,
    };
}
