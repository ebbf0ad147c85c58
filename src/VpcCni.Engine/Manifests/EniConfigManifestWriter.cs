using System.Text;
using System.Text.Json.Nodes;
using VpcCni.Engine.Ipam.Placement;

namespace VpcCni.Engine.Manifests;

/// <summary>ENIConfig objects as a manifest <c>kubectl apply</c> takes (YAML, one document each) and as the API server takes them (JSON).</summary>
public static class EniConfigManifestWriter
{
    /// <summary>The ENIConfigs as YAML documents separated by <c>---</c>, in the layout of the usual examples.</summary>
    public static string ToYaml(IEnumerable<EniConfig> configs)
    {
        ArgumentNullException.ThrowIfNull(configs);
        var text = new StringBuilder();
        foreach (var config in configs)
        {
            if (text.Length > 0)
            {
                text.Append("---\n");
            }

            // Names, subnets and groups are validated ids and DNS names: no YAML quoting is ever needed.
            text.Append($"apiVersion: {EniConfigManifestReader.ApiVersion}\nkind: {EniConfigManifestReader.Kind}\nmetadata:\n  name: {config.Name}\nspec:\n  subnet: {config.Subnet}\n");
            if (config.SecurityGroups.Count > 0)
            {
                text.Append("  securityGroups:\n");
                foreach (var group in config.SecurityGroups)
                {
                    text.Append($"  - {group}\n");
                }
            }
        }

        return text.ToString();
    }

    /// <summary>One ENIConfig as the JSON object the API server creates.</summary>
    public static string ToJson(EniConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var spec = new JsonObject { ["subnet"] = config.Subnet };
        if (config.SecurityGroups.Count > 0)
        {
            spec["securityGroups"] = new JsonArray([.. config.SecurityGroups.Select(g => JsonValue.Create(g))]);
        }

        return new JsonObject
        {
            ["apiVersion"] = EniConfigManifestReader.ApiVersion,
            ["kind"] = EniConfigManifestReader.Kind,
            ["metadata"] = new JsonObject { ["name"] = config.Name },
            ["spec"] = spec,
        }.ToJsonString();
    }

    /// <summary>The JSON merge patch (RFC 7386) that sets the given fields of an ENIConfig's spec; null leaves a field.</summary>
    public static string ToMergePatch(string? subnet, IReadOnlyList<string>? securityGroups)
    {
        var spec = new JsonObject();
        if (subnet is not null)
        {
            spec["subnet"] = subnet;
        }

        if (securityGroups is not null)
        {
            spec["securityGroups"] = new JsonArray([.. securityGroups.Select(g => JsonValue.Create(g))]);
        }

        return new JsonObject { ["spec"] = spec }.ToJsonString();
    }
}
