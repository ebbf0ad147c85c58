namespace VpcCni.Plugin.Tests.Support;

/// <summary>The root-lane classes share one node (one service process), one test at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PluginNodeGroup : ICollectionFixture<PluginNode>
{
    public const string Name = "plugin node";
}
