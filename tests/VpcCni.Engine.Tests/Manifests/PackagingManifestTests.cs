extern alias KubernetesClientFull;

using KubernetesClientFull::k8s.Models;
using VpcCni.Engine.Configuration;
using static VpcCni.Engine.Tests.Manifests.PackagingManifests;

namespace VpcCni.Engine.Tests.Manifests;

/// <summary>
/// <c>packaging/kubernetes/</c> parses strictly into KubernetesClient's typed objects, and the objects fit
/// together: CRDs as upstream defines them, bindings to the real role and account, the ConfigMap's keys
/// known and not overridden. The DaemonSet's own checks are in <see cref="DaemonSetManifestTests"/>.
/// </summary>
public class PackagingManifestTests
{
    [Fact]
    public void EveryManifestParsesStrictlyIntoTypedObjects()
    {
        Assert.Equal(
            ["ClusterRole", "ClusterRoleBinding", "ConfigMap", "CustomResourceDefinition", "CustomResourceDefinition", "DaemonSet", "Role", "RoleBinding", "ServiceAccount"],
            Objects.Select(o => o.GetType().Name[2..]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheKustomizationAppliesEveryManifest()
    {
        var listed = File.ReadAllLines(Path.Combine(PackagingManifests.Directory, "kustomization.yaml"))
            .Select(l => l.Trim()).Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..]);

        Assert.Equal(Files.Select(Path.GetFileName).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheEniConfigDefinitionIsUpstreamsClusterScopedV1alpha1WithSubnetAndSecurityGroups()
    {
        var crd = Crd("eniconfigs.crd.k8s.amazonaws.com");

        Assert.Equal(("crd.k8s.amazonaws.com", "Cluster", "ENIConfig", "eniconfigs"), (crd.Spec.Group, crd.Spec.Scope, crd.Spec.Names.Kind, crd.Spec.Names.Plural));
        var version = Assert.Single(crd.Spec.Versions);
        Assert.Equal(("v1alpha1", true, true), (version.Name, version.Served, version.Storage));
        var spec = version.Schema.OpenAPIV3Schema.Properties["spec"];
        Assert.Equal("string", spec.Properties["subnet"].Type);
        Assert.Equal(("array", "string"), (spec.Properties["securityGroups"].Type, Field(spec.Properties["securityGroups"].Items, "type")));
        Assert.True(version.Schema.OpenAPIV3Schema.XKubernetesPreserveUnknownFields);
    }

    [Fact]
    public void TheSecurityGroupPolicyDefinitionIsUpstreamsNamespacedV1beta1()
    {
        var crd = Crd("securitygrouppolicies.vpcresources.k8s.aws");

        Assert.Equal(("vpcresources.k8s.aws", "Namespaced", "SecurityGroupPolicy", "securitygrouppolicies"), (crd.Spec.Group, crd.Spec.Scope, crd.Spec.Names.Kind, crd.Spec.Names.Plural));
        Assert.Equal(["sgp"], crd.Spec.Names.ShortNames);
        var version = Assert.Single(crd.Spec.Versions);
        Assert.Equal("v1beta1", version.Name);
        var spec = version.Schema.OpenAPIV3Schema.Properties["spec"];
        Assert.Equal(["podSelector", "securityGroups", "serviceAccountSelector"], spec.Properties.Keys.Order(StringComparer.Ordinal));
        foreach (var selector in new[] { "podSelector", "serviceAccountSelector" })
        {
            var expressions = spec.Properties[selector].Properties["matchExpressions"].Items;
            Assert.Equal("[key, operator]", Field(expressions, "required"));
            Assert.Equal("string", Field(spec.Properties[selector].Properties["matchLabels"].AdditionalProperties, "type"));
        }

        var groups = spec.Properties["securityGroups"].Properties["groupIds"];
        Assert.Equal(("array", 1L, 5L), (groups.Type, groups.MinItems, groups.MaxItems));
    }

    [Fact]
    public void TheBindingsGiveTheRolesToTheServiceAccountTheDaemonSetRunsAs()
    {
        var account = ServiceAccount;
        Assert.Equal(("aws-node", "kube-system"), (account.Metadata.Name, account.Metadata.NamespaceProperty));
        Assert.Equal(account.Metadata.Name, DaemonSet.Spec.Template.Spec.ServiceAccountName);

        var clusterBinding = Objects.OfType<V1ClusterRoleBinding>().Single();
        var binding = Objects.OfType<V1RoleBinding>().Single();
        Assert.Equal(("ClusterRole", ClusterRole.Metadata.Name), (clusterBinding.RoleRef.Kind, clusterBinding.RoleRef.Name));
        Assert.Equal(("Role", Role.Metadata.Name), (binding.RoleRef.Kind, binding.RoleRef.Name));
        Assert.Equal("kube-system", binding.Metadata.NamespaceProperty);
        Assert.Equal("kube-system", Role.Metadata.NamespaceProperty);
        foreach (var subject in clusterBinding.Subjects.Concat(binding.Subjects))
        {
            Assert.Equal(("ServiceAccount", "aws-node", "kube-system"), (subject.Kind, subject.Name, subject.NamespaceProperty));
        }
    }

    [Fact]
    public void TheConfigMapIsUpstreamsAndEveryKeyIsOneTheNodeBinds()
    {
        Assert.Equal(("amazon-vpc-cni", "kube-system"), (ConfigMap.Metadata.Name, ConfigMap.Metadata.NamespaceProperty));
        var result = VpcCniSettingsBinder.Evaluate(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), ConfigMap.Data.AsReadOnly());

        Assert.Empty(result.Errors);
        Assert.Empty(result.Notices);
        Assert.All(ConfigMap.Data.Keys, key => Assert.True(ConfigurationVariables.TryGetByConfigMapKey(key, out _), key));
    }

    [Fact]
    public void TheDaemonSetSetsNoVariableTheConfigMapHoldsSoTheConfigMapStaysInForce()
    {
        var env = DaemonSet.Spec.Template.Spec.Containers.SelectMany(c => c.Env ?? []).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var held = ConfigMap.Data.Keys.Select(k => ConfigurationVariables.TryGetByConfigMapKey(k, out var v) ? v.Name : k);

        Assert.DoesNotContain(held, env.Contains);
    }

    // Schema fields typed 'object' in the model (items, additionalProperties) come back as YAML mappings.
    private static string? Field(object? schema, string key) =>
        schema is IDictionary<object, object> map && map.TryGetValue(key, out var value)
            ? value is IEnumerable<object> list ? $"[{string.Join(", ", list)}]" : value.ToString()
            : null;
}
