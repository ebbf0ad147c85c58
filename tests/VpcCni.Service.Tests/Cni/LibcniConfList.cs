using System.Text.Json;

namespace VpcCni.Service.Tests.Cni;

/// <summary>
/// What libcni 1.1 checks when it loads a <c>.conflist</c> (containernetworking/cni <c>libcni/conf.go</c>,
/// <c>ConfListFromBytes</c> and <c>ConfFromBytes</c>), and what it keeps: the list's name, version,
/// <c>disableCheck</c>, and each plugin object with its type. A violation throws with libcni's reason.
/// </summary>
public sealed record LibcniConfList(string Name, string? CniVersion, bool DisableCheck, IReadOnlyList<JsonElement> Plugins)
{
    /// <summary>The plugins' <c>type</c> values, in chain order.</summary>
    public IReadOnlyList<string> PluginTypes => Plugins.Select(p => p.GetProperty("type").GetString()!).ToList();

    /// <summary>The first plugin of <paramref name="type"/>.</summary>
    public JsonElement Plugin(string type) => Plugins.First(p => p.GetProperty("type").GetString() == type);

    public static LibcniConfList Parse(byte[] bytes)
    {
        // The copy outlives the document, so the elements stay readable.
        var root = JsonDocument.Parse(bytes).RootElement.Clone();
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("error parsing configuration list: not an object");
        }

        if (!root.TryGetProperty("name", out var name))
        {
            throw new FormatException("error parsing configuration list: no name");
        }

        if (name.ValueKind != JsonValueKind.String)
        {
            throw new FormatException($"error parsing configuration list: invalid name type {name.ValueKind}");
        }

        string? version = null;
        if (root.TryGetProperty("cniVersion", out var rawVersion))
        {
            version = rawVersion.ValueKind == JsonValueKind.String
                ? rawVersion.GetString()
                : throw new FormatException($"error parsing configuration list: invalid cniVersion type {rawVersion.ValueKind}");
        }

        var disableCheck = false;
        if (root.TryGetProperty("disableCheck", out var rawCheck))
        {
            disableCheck = rawCheck.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? rawCheck.GetBoolean()
                : throw new FormatException($"error parsing configuration list: invalid disableCheck type {rawCheck.ValueKind}");
        }

        if (!root.TryGetProperty("plugins", out var plugins))
        {
            throw new FormatException("error parsing configuration list: no 'plugins' key");
        }

        if (plugins.ValueKind != JsonValueKind.Array || plugins.GetArrayLength() == 0)
        {
            throw new FormatException("error parsing configuration list: no plugins in list");
        }

        foreach (var (plugin, index) in plugins.EnumerateArray().Select((p, i) => (p, i)))
        {
            if (plugin.ValueKind != JsonValueKind.Object
                || !plugin.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() is not { Length: > 0 })
            {
                throw new FormatException($"failed to parse plugin config {index}: error parsing configuration: missing 'type'");
            }
        }

        return new LibcniConfList(name.GetString()!, version, disableCheck, plugins.EnumerateArray().ToList());
    }

    /// <summary>Reads <paramref name="path"/> as libcni's <c>ConfListFromFile</c> does.</summary>
    public static LibcniConfList Load(string path) => Parse(File.ReadAllBytes(path));
}
