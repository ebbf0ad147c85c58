using System.Net;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Aws;

/// <summary>
/// A failed instance-metadata (IMDSv2) read after retries: IMDS unreachable, refusing the token,
/// or returning a value the engine cannot parse. A 404 is never this error: it means "absent".
/// </summary>
public sealed class InstanceMetadataException : VpcCniException
{
    public InstanceMetadataException()
        : this("Instance metadata could not be read.")
    {
    }

    public InstanceMetadataException(string message)
        : this(message, null)
    {
    }

    public InstanceMetadataException(string message, Exception? innerException)
        : this(VpcCniErrorCategory.ResourceUnavailable, ErrorIds.Imds.Unavailable, message, path: null, status: null, innerException)
    {
    }

    public InstanceMetadataException(
        VpcCniErrorCategory category,
        string errorId,
        string message,
        string? path,
        HttpStatusCode? status,
        Exception? innerException = null)
        : base(category, errorId, message, innerException)
    {
        Path = path;
        HttpStatus = status;
    }

    /// <summary>The IMDS path that failed, e.g. <c>/latest/meta-data/mac</c>.</summary>
    public string? Path { get; }

    /// <summary>The last HTTP status IMDS answered with; null when it never answered.</summary>
    public HttpStatusCode? HttpStatus { get; }
}
