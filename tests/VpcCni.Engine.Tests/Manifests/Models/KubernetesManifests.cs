extern alias KubernetesClientFull;

using KubernetesClientFull::k8s;

namespace VpcCni.Engine.Tests.Manifests.Models;

/// <summary>Loads manifests with the full KubernetesClient's <c>KubernetesYaml</c>, the two CRD types registered, strictly (an unknown field fails).</summary>
public static class KubernetesManifests
{
    private static readonly Dictionary<string, Type> CustomTypes = new()
    {
        [EniConfigObject.TypeKey] = typeof(EniConfigObject),
        [SecurityGroupPolicyObject.TypeKey] = typeof(SecurityGroupPolicyObject),
    };

    /// <summary>Every object of the file at <paramref name="path"/>, typed.</summary>
    public static List<object> Load(string path) => KubernetesYaml.LoadAllFromString(File.ReadAllText(path), CustomTypes, strict: true);

    /// <summary>Every object of every file in <paramref name="paths"/>, typed.</summary>
    public static List<object> LoadAll(IEnumerable<string> paths) => paths.SelectMany(Load).ToList();
}
