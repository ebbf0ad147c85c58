extern alias KubernetesClientFull;

using KubernetesClientFull::k8s.Models;
using Microsoft.Extensions.Configuration;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Ipam.Placement;
using VpcCni.Engine.Manifests;
using VpcCni.Engine.SecurityGroups;
using VpcCni.Engine.Tests.Ipam.Placement;
using VpcCni.Engine.Tests.Manifests.Models;

namespace VpcCni.Engine.Tests.Manifests;

/// <summary>
/// The examples of the EKS user guide for the VPC CNI (<c>UserGuide/</c>, copied unchanged) parse and take
/// effect as written: the ConfigMaps through the ConfigMap key binding, the ENIConfigs through the
/// ENIConfig reader and selector, the SecurityGroupPolicy through the evaluator.
/// </summary>
public class UserGuideManifestTests
{
    private static readonly IConfiguration NoEnvironment = new ConfigurationBuilder().Build();

    public static TheoryData<string> ConfigMapFiles => new(Directory.EnumerateFiles(Folder, "configmap-*.yaml").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));

    private static string Folder => Path.Combine(RepositoryFiles.Root, "tests", "VpcCni.Engine.Tests", "Manifests", "UserGuide");

    [Theory]
    [MemberData(nameof(ConfigMapFiles))]
    public void EachConfigMapIsTheNodesConfigMapAndBindsWithoutErrorsOrWarnings(string file)
    {
        var configMap = Assert.IsType<V1ConfigMap>(Assert.Single(KubernetesManifests.Load(Path.Combine(Folder, file))));
        var result = VpcCniSettingsBinder.Evaluate(NoEnvironment, configMap.Data.AsReadOnly());

        Assert.Equal(("amazon-vpc-cni", "kube-system"), (configMap.Metadata.Name, configMap.Metadata.NamespaceProperty));
        Assert.NotEmpty(configMap.Data);
        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void TheWarmPoolConfigMapSetsEveryTargetItNames()
    {
        var settings = VpcCniSettingsBinder.Bind(NoEnvironment, ConfigMapData("configmap-warm-pool.yaml")).Settings;

        Assert.Equal((10, 20, 1, 8), (settings.Ipam.WarmIpTarget, settings.Ipam.MinimumIpTarget, settings.Ipam.WarmEniTarget, settings.Ipam.MaxEni));
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Ipam.IpCooldownPeriod);
    }

    [Fact]
    public async Task TheCustomNetworkingConfigMapAndTheZonesEniConfigsGiveANodeItsZonesSubnet()
    {
        var settings = VpcCniSettingsBinder.Bind(NoEnvironment, ConfigMapData("configmap-custom-networking.yaml")).Settings;
        var configs = EniConfigManifestReader.Read(await File.ReadAllTextAsync(Path.Combine(Folder, "eniconfigs-per-zone.yaml")), "eniconfigs-per-zone.yaml");
        var node = new NodeObjectMetadata(
            new Dictionary<string, string> { ["failure-domain.beta.kubernetes.io/zone"] = "us-west-2b" }, new Dictionary<string, string>());

        var chosen = await EniConfigSelector.ForNodeAsync(new InMemoryEniConfigSource(node, [.. configs]),
            settings.CustomNetworking.EniConfigAnnotationDef, settings.CustomNetworking.EniConfigLabelDef, CancellationToken.None);

        Assert.True(settings.CustomNetworking.CustomNetworkConfig);
        Assert.Equal(["us-west-2a", "us-west-2b", "us-west-2c"], configs.Select(c => c.Name));
        Assert.Equal(("us-west-2b", "subnet-0fedcba9876543210"), (chosen.Name, chosen.Subnet));
        Assert.Equal(["sg-0123456789abcdef0", "sg-0fedcba9876543210"], chosen.SecurityGroups);
    }

    [Fact]
    public void TheEniConfigsAreAlsoWhatKubernetesClientsTypedModelReads()
    {
        var typed = KubernetesManifests.Load(Path.Combine(Folder, "eniconfigs-per-zone.yaml")).Cast<EniConfigObject>().ToList();

        Assert.Equal(["subnet-0123456789abcdef0", "subnet-0fedcba9876543210", "subnet-0abcdef0123456789"], typed.Select(t => t.Spec.Subnet));
    }

    [Fact]
    public void TheSecurityGroupPolicySelectsTheDeploymentsPodsAndGivesThemBothGroups()
    {
        var path = Path.Combine(Folder, "securitygrouppolicy-by-pod-labels.yaml");
        var deployment = KubernetesManifests.Load(path).OfType<V1Deployment>().Single();
        var policies = SecurityGroupPolicyManifestReader.Read(File.ReadAllText(path), path);
        var pod = new SecurityGroupPolicySubject(deployment.Metadata.NamespaceProperty, "database-client-0",
            deployment.Spec.Template.Metadata.Labels.AsReadOnly(), "default", new Dictionary<string, string>());

        var evaluation = SecurityGroupPolicyEvaluator.Evaluate(policies, pod);

        var match = Assert.Single(evaluation.Matches);
        Assert.True(match.Selected);
        Assert.Equal(("production", "database-app-sgp"), (match.Policy.Namespace, match.Policy.Name));
        Assert.Equal(["sg-0123456789abcdef0", "sg-0fedcba9876543210"], evaluation.GroupIds);
    }

    [Fact]
    public void TheSecurityGroupPolicyPassesOverAPodWithOnlyOneOfItsTwoLabels()
    {
        var path = Path.Combine(Folder, "securitygrouppolicy-by-pod-labels.yaml");
        var policies = SecurityGroupPolicyManifestReader.Read(File.ReadAllText(path), path);
        var frontend = new SecurityGroupPolicySubject("production", "database-client-ui",
            new Dictionary<string, string> { ["app"] = "database-client", ["tier"] = "frontend" }, "default", new Dictionary<string, string>());

        Assert.Empty(SecurityGroupPolicyEvaluator.Evaluate(policies, frontend).GroupIds);
    }

    [Fact]
    public void TheSecurityGroupPolicyIsAlsoWhatKubernetesClientsTypedModelReads()
    {
        var typed = KubernetesManifests.Load(Path.Combine(Folder, "securitygrouppolicy-by-pod-labels.yaml")).OfType<SecurityGroupPolicyObject>().Single();

        Assert.Equal(2, typed.Spec.PodSelector!.MatchLabels.Count);
        Assert.Null(typed.Spec.ServiceAccountSelector);
        Assert.Equal(2, typed.Spec.SecurityGroups!.GroupIds!.Count);
    }

    private static IReadOnlyDictionary<string, string> ConfigMapData(string file) =>
        KubernetesManifests.Load(Path.Combine(Folder, file)).OfType<V1ConfigMap>().Single().Data.AsReadOnly();
}
