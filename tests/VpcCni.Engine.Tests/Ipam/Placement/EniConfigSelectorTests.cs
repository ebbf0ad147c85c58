using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam.Placement;

namespace VpcCni.Engine.Tests.Ipam.Placement;

/// <summary>The node's ENIConfig name, in upstream's order (pkg/eniconfig/eniconfig.go, GetNodeSpecificENIConfigName).</summary>
public sealed class EniConfigSelectorTests
{
    private const string Key = "k8s.amazonaws.com/eniConfig";

    [Fact]
    public void TheExternalLabelWinsOverTheAnnotationAndTheLabel()
    {
        var node = Node(
            labels: new() { [EniConfigSelector.ExternalEniConfigLabel] = "external", ["zone"] = "by-label" },
            annotations: new() { [Key] = "by-annotation" });

        Assert.Equal("external", EniConfigSelector.NodeSpecificName(node, Key, "zone"));
    }

    [Fact]
    public void TheAnnotationWinsOverTheLabel()
    {
        var node = Node(labels: new() { ["zone"] = "by-label" }, annotations: new() { [Key] = "by-annotation" });

        Assert.Equal("by-annotation", EniConfigSelector.NodeSpecificName(node, Key, "zone"));
    }

    [Fact]
    public void TheConfiguredLabelNamesItWhenNoAnnotationDoes()
    {
        var node = Node(labels: new() { ["topology.kubernetes.io/zone"] = "us-west-2a" }, annotations: new() { ["other"] = "x" });

        Assert.Equal("us-west-2a", EniConfigSelector.NodeSpecificName(node, Key, "topology.kubernetes.io/zone"));
    }

    [Fact]
    public void WithoutLabelOrAnnotationTheNameIsDefault() =>
        Assert.Equal("default", EniConfigSelector.NodeSpecificName(NodeObjectMetadata.Empty, Key, Key));

    [Fact]
    public void APresentButEmptyLabelCountsAsUpstreamsMapLookupDoes() =>
        Assert.Equal(string.Empty, EniConfigSelector.NodeSpecificName(Node(labels: new() { [Key] = string.Empty }), Key, Key));

    [Fact]
    public async Task AMissingEniConfigIsNoEniConfig()
    {
        var source = new InMemoryEniConfigSource(Node(labels: new() { [Key] = "us-west-2a" }), new EniConfig("default", "subnet-0000000000000a001", []));

        var error = await Assert.ThrowsAsync<VpcCniException>(() => EniConfigSelector.ForNodeAsync(source, Key, Key, default));

        Assert.Equal(ErrorIds.CustomNetworking.NoEniConfig, error.ErrorId);
        Assert.Contains("us-west-2a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNodesEniConfigIsFoundByName()
    {
        var wanted = new EniConfig("us-west-2a", "subnet-0000000000000a002", ["sg-0000000000000a001"]);
        var source = new InMemoryEniConfigSource(Node(labels: new() { [Key] = "us-west-2a" }), new EniConfig("default", "subnet-0000000000000a001", []), wanted);

        Assert.Equal(wanted, await EniConfigSelector.ForNodeAsync(source, Key, Key, default));
    }

    private static NodeObjectMetadata Node(Dictionary<string, string>? labels = null, Dictionary<string, string>? annotations = null) =>
        new(labels ?? [], annotations ?? []);
}
