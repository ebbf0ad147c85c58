using System.Text.Json;

namespace VpcCni.Plugin.Tests.Support;

/// <summary>What one plugin invocation printed and returned.</summary>
public sealed record PluginOutcome(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The stdout JSON (result, version list or error).</summary>
    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;

    /// <summary>The CNI error code, or null on success.</summary>
    public int? Code => ExitCode == 0 ? null : Json.GetProperty("code").GetInt32();

    /// <summary>The error id in <c>details</c>.</summary>
    public string? Details => ExitCode == 0 ? null : Json.GetProperty("details").GetString();

    /// <summary>The first pod address of an ADD result, without its prefix length.</summary>
    public string Address => Json.GetProperty("ips")[0].GetProperty("address").GetString()!.Split('/')[0];

    public override string ToString() => $"exit {ExitCode}: {Stdout} {Stderr}";
}
