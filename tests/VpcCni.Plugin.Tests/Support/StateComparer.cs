namespace VpcCni.Plugin.Tests.Support;

/// <summary>Compares two <see cref="PluginNode.NodeState"/> snapshots element by element.</summary>
public sealed class StateComparer : IEqualityComparer<(string[] Links, string[] Rules, string[] Routes)>
{
    public static StateComparer Instance { get; } = new();

    public bool Equals((string[] Links, string[] Rules, string[] Routes) x, (string[] Links, string[] Rules, string[] Routes) y) =>
        x.Links.SequenceEqual(y.Links) && x.Rules.SequenceEqual(y.Rules) && x.Routes.SequenceEqual(y.Routes);

    public int GetHashCode((string[] Links, string[] Rules, string[] Routes) obj) => obj.Links.Length;
}
