namespace VpcCni.Simulator.Imds;

/// <summary>A metadata category (children) or leaf (value). Listings end sub-categories with '/' (EC2 User Guide, "Instance metadata categories").</summary>
internal sealed class ImdsNode
{
    private readonly SortedDictionary<string, ImdsNode> _children = new(StringComparer.Ordinal);

    private ImdsNode(string? value) => Value = value;

    public string? Value { get; }

    public bool IsCategory => Value is null;

    public static ImdsNode Category() => new(null);

    public ImdsNode Leaf(string name, string? value)
    {
        if (value is not null)
        {
            _children[name] = new ImdsNode(value);
        }

        return this;
    }

    /// <summary>A list leaf: one item per line; absent (so 404) when empty.</summary>
    public ImdsNode Lines(string name, IReadOnlyCollection<string> values) =>
        values.Count == 0 ? this : Leaf(name, string.Join('\n', values));

    public ImdsNode Child(string name)
    {
        if (!_children.TryGetValue(name, out var child))
        {
            child = Category();
            _children[name] = child;
        }

        return child;
    }

    public string Listing() => string.Join('\n', _children.Select(c => c.Value.IsCategory ? c.Key + "/" : c.Key));

    public ImdsNode? Resolve(IEnumerable<string> segments)
    {
        var node = this;
        foreach (var segment in segments)
        {
            if (node.IsCategory && node._children.TryGetValue(segment, out var next))
            {
                node = next;
            }
            else
            {
                return null;
            }
        }

        return node;
    }
}
