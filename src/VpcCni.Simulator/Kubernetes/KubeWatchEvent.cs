using System.Text.Json.Nodes;

namespace VpcCni.Simulator.Kubernetes;

/// <summary>
/// One change in the store, as a watch streams it: <c>{"type":"ADDED|MODIFIED|DELETED","object":{…}}</c>
/// (Kubernetes API concepts, "Efficient detection of changes"). <see cref="Line"/> is serialized once
/// when the change is made, so every watcher writes the same immutable text.
/// </summary>
/// <param name="Type">ADDED, MODIFIED or DELETED.</param>
/// <param name="ResourceType">The kind of the object.</param>
/// <param name="Item">The object after the change (for DELETED: its last state); read only under the store's lock.</param>
/// <param name="ResourceVersion">The store's resource version after the change.</param>
/// <param name="Line">The event as one line of JSON, without the newline.</param>
public sealed record KubeWatchEvent(string Type, KubeResourceType ResourceType, JsonObject Item, long ResourceVersion, string Line)
{
    public static KubeWatchEvent Create(string type, KubeResourceType resourceType, JsonObject obj, long resourceVersion) =>
        new(type, resourceType, obj, resourceVersion, new JsonObject { ["type"] = type, ["object"] = obj.DeepClone() }.ToJsonString());
}
