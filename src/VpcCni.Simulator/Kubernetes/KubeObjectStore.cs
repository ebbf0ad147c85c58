using System.Globalization;
using System.Text.Json.Nodes;

namespace VpcCni.Simulator.Kubernetes;

/// <summary>
/// The loopback API server's state: objects by kind, namespace and name, one cluster-wide resource
/// version that every write increases (stored in each object's <c>metadata.resourceVersion</c>, as
/// etcd's revision is), and a bounded history of changes that watches replay from a resource version
/// (Kubernetes API concepts, "Resource versions"). A watch from a version older than the history
/// keeps is refused with 410 Gone, which tells a client to list again.
/// </summary>
public sealed class KubeObjectStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(KubeResourceType Type, string Namespace, string Name), JsonObject> _objects = [];
    private readonly LinkedList<KubeWatchEvent> _history = new();
    private readonly List<KubeWatchSubscription> _watchers = [];
    private readonly TimeProvider _time;
    private readonly int _historyLimit;
    private long _resourceVersion;
    private long _compactedThrough;

    public KubeObjectStore(TimeProvider? timeProvider = null, int historyLimit = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(historyLimit);
        _time = timeProvider ?? TimeProvider.System;
        _historyLimit = historyLimit;
    }

    /// <summary>The hooks that change new objects on their way in (mutating admission).</summary>
    public KubeAdmission Admission { get; } = new();

    /// <summary>The resource version of the last write.</summary>
    public long ResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _resourceVersion;
            }
        }
    }

    /// <summary>Copies of the matching objects, ordered by namespace and name, and the resource version they were read at.</summary>
    public (IReadOnlyList<JsonObject> Items, long ResourceVersion) List(KubeWatchFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        lock (_gate)
        {
            var items = _objects
                .Where(e => filter.Matches(e.Key.Type, e.Value))
                .OrderBy(e => e.Key.Namespace, StringComparer.Ordinal).ThenBy(e => e.Key.Name, StringComparer.Ordinal)
                .Select(e => e.Value.DeepClone().AsObject())
                .ToList();
            return (items, _resourceVersion);
        }
    }

    /// <summary>A copy of the object; 404 when there is none.</summary>
    public JsonObject Get(KubeResourceType type, string? ns, string name)
    {
        lock (_gate)
        {
            return Find(type, ns, name).DeepClone().AsObject();
        }
    }

    /// <summary>Stores a new object (a name from <c>metadata.generateName</c> when it has none); 409 when the name is taken.</summary>
    public JsonObject Create(KubeResourceType type, string? ns, JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(obj);
        var admitted = obj.DeepClone().AsObject();
        Admission.Mutate(type, type.Namespaced ? ns ?? (string?)admitted["metadata"]?["namespace"] ?? "default" : null, admitted);
        lock (_gate)
        {
            var stored = Normalize(type, ns, admitted);
            var metadata = stored["metadata"]!.AsObject();
            if (string.IsNullOrEmpty((string?)metadata["name"]))
            {
                var prefix = (string?)metadata["generateName"] ?? throw new KubeApiException(422, "Invalid", "metadata.name or metadata.generateName is required");
                metadata["name"] = prefix + Guid.NewGuid().ToString("N")[..5];
            }

            var key = Key(type, stored);
            if (_objects.ContainsKey(key))
            {
                throw KubeApiException.AlreadyExists(type, key.Name);
            }

            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            return Commit("ADDED", type, key, stored);
        }
    }

    /// <summary>
    /// Replaces an object (PUT). A <c>metadata.resourceVersion</c> in the body must be the stored one
    /// (optimistic concurrency, 409 Conflict otherwise); uid and creation time are kept.
    /// </summary>
    public JsonObject Update(KubeResourceType type, string? ns, string name, JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        lock (_gate)
        {
            var current = Find(type, ns, name);
            var replacement = Normalize(type, ns, obj.DeepClone().AsObject());
            var metadata = replacement["metadata"]!.AsObject();
            if ((string?)metadata["name"] is { } bodyName && bodyName != name)
            {
                throw KubeApiException.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
            }

            if ((string?)metadata["resourceVersion"] is { Length: > 0 } version && version != (string?)current["metadata"]!["resourceVersion"])
            {
                throw KubeApiException.Conflict(type, name);
            }

            metadata["name"] = name;
            metadata["uid"] = current["metadata"]!["uid"]?.DeepClone();
            metadata["creationTimestamp"] = current["metadata"]!["creationTimestamp"]?.DeepClone();
            return Commit("MODIFIED", type, Key(type, replacement), replacement);
        }
    }

    /// <summary>Applies a merge, strategic-merge or JSON patch to the stored object.</summary>
    public JsonObject Patch(KubeResourceType type, string? ns, string name, JsonNode? patch, string? contentType)
    {
        lock (_gate)
        {
            var patched = KubePatch.Apply(Find(type, ns, name), patch, contentType);
            if (patched["metadata"] is JsonObject metadata)
            {
                // A patch names no version unless it means to; the server keeps the current one then.
                metadata.Remove("resourceVersion");
            }

            return Update(type, ns, name, patched);
        }
    }

    /// <summary>Removes the object and returns its last state; 404 when there is none.</summary>
    public JsonObject Delete(KubeResourceType type, string? ns, string name)
    {
        lock (_gate)
        {
            var current = Find(type, ns, name).DeepClone().AsObject();
            var key = Key(type, current);
            _objects.Remove(key);
            return Commit("DELETED", type, key, current, store: false);
        }
    }

    /// <summary>Creates the object or replaces it whatever its version (how manifests are loaded: <c>kubectl apply</c>'s outcome).</summary>
    public JsonObject Upsert(KubeResourceType type, JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        lock (_gate)
        {
            var ns = type.Namespaced ? (string?)obj["metadata"]?["namespace"] ?? "default" : null;
            var name = (string?)obj["metadata"]?["name"] ?? throw new KubeApiException(422, "Invalid", $"a {type.Kind} needs metadata.name");
            if (!_objects.ContainsKey((type, ns ?? "", name)))
            {
                return Create(type, ns, obj);
            }

            var copy = obj.DeepClone().AsObject();
            copy["metadata"]!.AsObject().Remove("resourceVersion");
            return Update(type, ns, name, copy);
        }
    }

    /// <summary>
    /// Opens a watch. With <paramref name="sinceResourceVersion"/> null or 0 it starts with an ADDED
    /// event for every matching object; otherwise it replays the kept changes after that version,
    /// and refuses with 410 Gone when changes after it were already dropped.
    /// </summary>
    public KubeWatchSubscription Watch(KubeWatchFilter filter, long? sinceResourceVersion)
    {
        ArgumentNullException.ThrowIfNull(filter);
        lock (_gate)
        {
            var subscription = new KubeWatchSubscription(filter, Unsubscribe);
            if (sinceResourceVersion is null or 0)
            {
                foreach (var (key, obj) in _objects.OrderBy(e => (string?)e.Value["metadata"]!["resourceVersion"] is { } v ? long.Parse(v, CultureInfo.InvariantCulture) : 0))
                {
                    subscription.Offer(KubeWatchEvent.Create("ADDED", key.Type, obj, _resourceVersion));
                }
            }
            else
            {
                if (sinceResourceVersion < _compactedThrough)
                {
                    throw KubeApiException.Gone(sinceResourceVersion.Value);
                }

                foreach (var change in _history.Where(e => e.ResourceVersion > sinceResourceVersion))
                {
                    subscription.Offer(change);
                }
            }

            _watchers.Add(subscription);
            return subscription;
        }
    }

    /// <summary>Drops the change history, as etcd compaction does: every watch from an older version now gets 410 Gone.</summary>
    public void CompactHistory()
    {
        lock (_gate)
        {
            _history.Clear();
            _compactedThrough = _resourceVersion;
        }
    }

    /// <summary>Ends every open watch (their clients see the stream end and must watch again).</summary>
    public void CloseWatches()
    {
        lock (_gate)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Close();
            }

            _watchers.Clear();
        }
    }

    private void Unsubscribe(KubeWatchSubscription subscription)
    {
        lock (_gate)
        {
            _watchers.Remove(subscription);
        }
    }

    private JsonObject Find(KubeResourceType type, string? ns, string name) =>
        _objects.TryGetValue((type, type.Namespaced ? ns ?? "default" : "", name), out var obj) ? obj : throw KubeApiException.NotFound(type, name);

    private static (KubeResourceType Type, string Namespace, string Name) Key(KubeResourceType type, JsonObject obj) =>
        (type, (string?)obj["metadata"]!["namespace"] ?? "", (string)obj["metadata"]!["name"]!);

    private static JsonObject Normalize(KubeResourceType type, string? ns, JsonObject obj)
    {
        obj["apiVersion"] = type.ApiVersion;
        obj["kind"] = type.Kind;
        var metadata = obj["metadata"] as JsonObject ?? [];
        obj["metadata"] = metadata;
        if (type.Namespaced)
        {
            var bodyNamespace = (string?)metadata["namespace"];
            if (ns is not null && bodyNamespace is not null && bodyNamespace != ns)
            {
                throw KubeApiException.BadRequest($"the namespace of the object ({bodyNamespace}) does not match the namespace on the request ({ns})");
            }

            metadata["namespace"] = ns ?? bodyNamespace ?? "default";
        }
        else
        {
            metadata.Remove("namespace");
        }

        return obj;
    }

    private JsonObject Commit(string eventType, KubeResourceType type, (KubeResourceType Type, string Namespace, string Name) key, JsonObject obj, bool store = true)
    {
        _resourceVersion++;
        obj["metadata"]!["resourceVersion"] = _resourceVersion.ToString(CultureInfo.InvariantCulture);
        if (store)
        {
            _objects[key] = obj;
        }

        var change = KubeWatchEvent.Create(eventType, type, obj, _resourceVersion);
        _history.AddLast(change);
        while (_history.Count > _historyLimit)
        {
            _compactedThrough = _history.First!.Value.ResourceVersion;
            _history.RemoveFirst();
        }

        foreach (var watcher in _watchers)
        {
            watcher.Offer(change);
        }

        return obj.DeepClone().AsObject();
    }
}
