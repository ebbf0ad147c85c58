namespace VpcCni.Service.Tests.Node.Support;

/// <summary>ENIConfig manifests as an operator writes them (the custom resource's YAML or JSON), into a test's directory.</summary>
internal static class EniConfigManifests
{
    /// <summary>Writes one ENIConfig as YAML to <c>&lt;name&gt;.yaml</c> and returns the directory.</summary>
    public static string WriteYaml(string directory, string name, string subnet, params string[] groups)
    {
        Directory.CreateDirectory(directory);
        var groupLines = groups.Length == 0 ? string.Empty : "  securityGroups:\n" + string.Concat(groups.Select(g => $"    - {g}\n"));
        File.WriteAllText(Path.Combine(directory, name + ".yaml"), $"""
            apiVersion: crd.k8s.amazonaws.com/v1alpha1
            kind: ENIConfig
            metadata:
              name: {name}
            spec:
              subnet: {subnet}

            """ + groupLines);
        return directory;
    }

    /// <summary>Writes one ENIConfig as JSON to <c>&lt;name&gt;.json</c>.</summary>
    public static void WriteJson(string directory, string name, string subnet)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name + ".json"),
            $$$"""{"apiVersion":"crd.k8s.amazonaws.com/v1alpha1","kind":"ENIConfig","metadata":{"name":"{{{name}}}"},"spec":{"subnet":"{{{subnet}}}"}}""");
    }

    /// <summary>The settings that turn custom networking on with the local source in <paramref name="directory"/> and the node labelled <paramref name="eniConfig"/>.</summary>
    public static Dictionary<string, string?> Settings(string directory, string? eniConfig) => new()
    {
        ["AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG"] = "true",
        ["EniConfigs:Directory"] = directory,
        ["EniConfigs:NodeLabels:k8s.amazonaws.com/eniConfig"] = eniConfig,
    };
}
