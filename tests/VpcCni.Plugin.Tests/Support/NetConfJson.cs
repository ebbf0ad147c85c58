using System.Text.Json.Nodes;

namespace VpcCni.Plugin.Tests.Support;

/// <summary>Network configurations as a runtime hands them to the plugin (upstream's conflist entry plus our socket keys).</summary>
public static class NetConfJson
{
    public static JsonObject Base(string ipamSocket, string logFile, string version = "1.1.0") => new()
    {
        ["cniVersion"] = version,
        ["name"] = "aws-cni",
        ["type"] = "vpc-cni",
        ["vethPrefix"] = "eni",
        ["mtu"] = "9001",
        ["podSGEnforcingMode"] = "strict",
        ["pluginLogFile"] = logFile,
        ["pluginLogLevel"] = "Debug",
        ["ipamSocket"] = ipamSocket,
    };

    /// <summary><paramref name="conf"/> with the previous ADD's result, as DEL and CHECK get it.</summary>
    public static string WithPrevResult(JsonObject conf, string addStdout)
    {
        var copy = (JsonObject)conf.DeepClone();
        copy["prevResult"] = JsonNode.Parse(addStdout);
        return copy.ToJsonString();
    }
}
