using System.Text.Json.Nodes;

namespace VpcCni.Simulator.Kubernetes;

/// <summary>
/// A request the loopback API server refuses, answered as a <c>Status</c> object with the HTTP code,
/// the reason and the message the real API server would give (Kubernetes API concepts, "Status").
/// </summary>
public sealed class KubeApiException : Exception
{
    public KubeApiException(int code, string reason, string message)
        : base(message)
    {
        Code = code;
        Reason = reason;
    }

    public KubeApiException()
        : this(500, "InternalError", "internal error")
    {
    }

    public KubeApiException(string message)
        : this(400, "BadRequest", message)
    {
    }

    public KubeApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = 400;
        Reason = "BadRequest";
    }

    /// <summary>The HTTP status code, e.g. 404, 409, 410.</summary>
    public int Code { get; }

    /// <summary>The Status reason, e.g. <c>NotFound</c>, <c>AlreadyExists</c>, <c>Conflict</c>, <c>Expired</c>.</summary>
    public string Reason { get; }

    public static KubeApiException NotFound(KubeResourceType type, string name) =>
        new(404, "NotFound", $"{type.Plural}{(type.Group.Length == 0 ? "" : "." + type.Group)} \"{name}\" not found");

    public static KubeApiException AlreadyExists(KubeResourceType type, string name) =>
        new(409, "AlreadyExists", $"{type.Plural}{(type.Group.Length == 0 ? "" : "." + type.Group)} \"{name}\" already exists");

    public static KubeApiException Conflict(KubeResourceType type, string name) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {type.Plural} \"{name}\": the object has been modified; please apply your changes to the latest version and try again");

    public static KubeApiException Gone(long requested) =>
        new(410, "Expired", $"too old resource version: {requested}");

    public static KubeApiException BadRequest(string message) => new(400, "BadRequest", message);

    /// <summary>This refusal as the <c>Status</c> object the API server writes.</summary>
    public JsonObject ToStatus() => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = Message,
        ["reason"] = Reason,
        ["code"] = Code,
    };
}
