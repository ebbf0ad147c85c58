using System.Text.Json;
using VpcCni.Service.Tests.Node.Support;
using VpcCni.Service.Tests.Support;

namespace VpcCni.Service.Tests.Introspection;

/// <summary><c>/v1/eni-configs</c> over the local ENIConfig directory, in upstream's ENIConfigInfo shape.</summary>
public sealed class EniConfigsEndpointTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task ListsTheDirectorysEniConfigsAndTheOneTheNodesAnnotationNames()
    {
        using var directory = new TempDirectory();
        var configs = EniConfigManifests.WriteYaml(Path.Combine(directory.Path, "eniconfigs"), "us-west-2a", "subnet-0000000000000a001", "sg-0000000000000a001", "sg-0000000000000a002");
        EniConfigManifests.WriteJson(configs, "default", "subnet-0000000000000a002");
        File.WriteAllText(Path.Combine(configs, "list.yml"), """
            apiVersion: v1
            kind: List
            items:
              - apiVersion: crd.k8s.amazonaws.com/v1alpha1
                kind: ENIConfig
                metadata: { name: us-west-2b }
                spec: { subnet: subnet-0000000000000b001, securityGroups: [] }
            ---
            apiVersion: crd.k8s.amazonaws.com/v1alpha1
            kind: ENIConfig
            metadata:
              name: us-west-2c
            spec:
              subnet: subnet-0000000000000c001
            """);
        File.WriteAllText(Path.Combine(configs, "broken.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
        File.WriteAllText(Path.Combine(configs, "us-west-2d.yaml.bak"), "not read: only .yaml, .yml and .json files are");
        var ports = HttpListeners.Allocate();
        var settings = ports.Settings(new Dictionary<string, string?>
        {
            ["EniConfigs:Directory"] = configs,
            ["EniConfigs:NodeLabels:k8s.amazonaws.com/eniConfig"] = "by-label",
            ["EniConfigs:NodeAnnotations:k8s.amazonaws.com/eniConfig"] = "us-west-2a",
        });
        await using var service = await ServiceHarness.StartAsync(settings: settings);

        using var body = JsonDocument.Parse(await Http.GetStringAsync(ports.Introspection("/v1/eni-configs")));

        var eni = body.RootElement.GetProperty("ENI");
        Assert.Equal(["default", "us-west-2a", "us-west-2b", "us-west-2c"], eni.EnumerateObject().Select(p => p.Name));
        var mine = eni.GetProperty("us-west-2a");
        Assert.Equal("subnet-0000000000000a001", mine.GetProperty("subnet").GetString());
        Assert.Equal(["sg-0000000000000a001", "sg-0000000000000a002"], mine.GetProperty("securityGroups").EnumerateArray().Select(g => g.GetString()));
        Assert.Empty(eni.GetProperty("default").GetProperty("securityGroups").EnumerateArray());
        Assert.Equal("us-west-2a", body.RootElement.GetProperty("MyENI").GetString());
    }
}
