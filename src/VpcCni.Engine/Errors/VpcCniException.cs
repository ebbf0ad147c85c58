namespace VpcCni.Engine.Errors;

/// <summary>
/// The engine's one root exception; each face maps it once (docs/architecture.md, "Errors").
/// <see cref="ErrorId"/> comes from <see cref="ErrorIds"/>, is stable and
/// documented, so scripts and tests can match on it; the inner exception is always kept.
/// </summary>
public class VpcCniException : Exception
{
    public VpcCniException()
        : this(VpcCniErrorCategory.Internal, ErrorIds.Engine.Internal, "An internal VpcCni error occurred.")
    {
    }

    public VpcCniException(string message)
        : this(VpcCniErrorCategory.Internal, ErrorIds.Engine.Internal, message)
    {
    }

    public VpcCniException(string message, Exception innerException)
        : this(VpcCniErrorCategory.Internal, ErrorIds.Engine.Internal, message, innerException)
    {
    }

    public VpcCniException(VpcCniErrorCategory category, string errorId, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(errorId);
        Category = category;
        ErrorId = errorId;
    }

    /// <summary>The broad kind of failure.</summary>
    public VpcCniErrorCategory Category { get; }

    /// <summary>A stable identifier such as <c>UnknownInstanceType</c> or <c>InvalidWarmIpTarget</c>.</summary>
    public string ErrorId { get; }
}
