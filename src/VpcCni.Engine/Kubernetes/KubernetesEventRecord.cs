using System.Globalization;
using System.Text.Json.Nodes;

namespace VpcCni.Engine.Kubernetes;

/// <summary>
/// A core/v1 Event about one object (Kubernetes API reference, "Event v1 core"), as client-go's event
/// recorder writes one (<c>tools/record</c>): named <c>&lt;object&gt;.&lt;hex nanoseconds&gt;</c> in the object's
/// namespace, with its source and the first and last time it happened and how often.
/// </summary>
/// <param name="InvolvedKind">The object's kind (<c>Pod</c>, <c>Node</c>).</param>
/// <param name="InvolvedNamespace">The object's namespace; the Event lives there (<c>default</c> for a cluster-scoped object, as client-go does).</param>
/// <param name="InvolvedName">The object's name.</param>
/// <param name="InvolvedUid">The object's <c>metadata.uid</c> when known, so <c>kubectl describe</c> shows the Event on it.</param>
/// <param name="Type"><c>Normal</c> or <c>Warning</c>.</param>
/// <param name="Reason">A short UpperCamelCase reason (<c>MissingIAMPermissions</c>).</param>
/// <param name="Message">What happened, for a person.</param>
/// <param name="Component">The source component (<c>aws-node</c>, upstream's).</param>
/// <param name="Host">The node the source runs on.</param>
/// <param name="Count">How many times it happened between <paramref name="FirstSeen"/> and <paramref name="LastSeen"/>.</param>
/// <param name="FirstSeen">When it first happened.</param>
/// <param name="LastSeen">When it last happened.</param>
public sealed record KubernetesEventRecord(
    string InvolvedKind,
    string InvolvedNamespace,
    string InvolvedName,
    string? InvolvedUid,
    string Type,
    string Reason,
    string Message,
    string Component,
    string Host,
    int Count,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen)
{
    /// <summary>The collection to POST the Event to.</summary>
    public string CollectionUri => $"api/v1/namespaces/{Uri.EscapeDataString(InvolvedNamespace)}/events";

    /// <summary>The Event's name: the object's, then the time in nanoseconds since 1970 in hex (client-go's <c>makeEvent</c>).</summary>
    public string Name =>
        $"{InvolvedName}.{((LastSeen.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100).ToString("x", CultureInfo.InvariantCulture)}";

    /// <summary>The Event as the API server takes it.</summary>
    public JsonObject ToJson()
    {
        var involved = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = InvolvedKind,
            ["name"] = InvolvedName,
        };
        if (InvolvedKind != "Node")
        {
            involved["namespace"] = InvolvedNamespace;
        }

        if (InvolvedUid is { Length: > 0 } uid)
        {
            involved["uid"] = uid;
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject { ["name"] = Name, ["namespace"] = InvolvedNamespace },
            ["involvedObject"] = involved,
            ["type"] = Type,
            ["reason"] = Reason,
            ["message"] = Message,
            ["source"] = new JsonObject { ["component"] = Component, ["host"] = Host },
            ["reportingComponent"] = Component,
            ["reportingInstance"] = Host,
            ["count"] = Count,
            ["firstTimestamp"] = Timestamp(FirstSeen),
            ["lastTimestamp"] = Timestamp(LastSeen),
        };
    }

    // metav1.Time is RFC 3339 at whole seconds, in UTC.
    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
