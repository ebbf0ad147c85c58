using System.Text.Json.Nodes;

namespace VpcCni.Simulator.Kubernetes;

/// <summary>
/// Mutating admission of the loopback API server: hooks that change an object on its way into the
/// store at creation, as a mutating admission webhook does (Kubernetes documentation, "Dynamic
/// Admission Control"). The simulated VPC resource controller registers its pod webhook here.
/// </summary>
public sealed class KubeAdmission
{
    private readonly Lock _gate = new();
    private readonly List<(KubeResourceType Type, Action<JsonObject, string?> Mutate)> _hooks = [];

    /// <summary>
    /// Adds a hook for new objects of <paramref name="type"/>, called with the object and its namespace
    /// (null for a cluster-scoped kind); disposing the result removes it.
    /// </summary>
    public IDisposable Register(KubeResourceType type, Action<JsonObject, string?> mutate)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(mutate);
        var hook = (type, mutate);
        lock (_gate)
        {
            _hooks.Add(hook);
        }

        return new Registration(() =>
        {
            lock (_gate)
            {
                _hooks.Remove(hook);
            }
        });
    }

    /// <summary>Runs the hooks of <paramref name="type"/> over a new object, in the order they were added.</summary>
    internal void Mutate(KubeResourceType type, string? ns, JsonObject obj)
    {
        List<Action<JsonObject, string?>> hooks;
        lock (_gate)
        {
            hooks = [.. _hooks.Where(h => h.Type == type).Select(h => h.Mutate)];
        }

        foreach (var mutate in hooks)
        {
            mutate(obj, ns);
        }
    }

    private sealed class Registration(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
