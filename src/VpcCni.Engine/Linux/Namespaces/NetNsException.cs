using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Linux.Namespaces;

/// <summary>A namespace could not be opened, entered, left, created or deleted.</summary>
public class NetNsException : VpcCniException
{
    public NetNsException()
        : this(ErrorIds.Netns.Failed, "A network namespace operation failed.")
    {
    }

    public NetNsException(string message)
        : this(ErrorIds.Netns.Failed, message)
    {
    }

    public NetNsException(string message, Exception innerException)
        : base(VpcCniErrorCategory.Internal, ErrorIds.Netns.Failed, message, innerException)
    {
    }

    public NetNsException(string errorId, string message, Exception? innerException = null)
        : base(VpcCniErrorCategory.Internal, errorId, message, innerException)
    {
    }

    protected NetNsException(VpcCniErrorCategory category, string errorId, string message)
        : base(category, errorId, message)
    {
    }
}
