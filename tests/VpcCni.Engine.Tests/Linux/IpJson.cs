using System.Diagnostics;
using System.Text.Json;

namespace VpcCni.Engine.Tests.Linux;

/// <summary>Reads state through iproute2's JSON output, to cross-check our own netlink dumps.</summary>
public static class IpJson
{
    public static JsonElement Run(string namespaceName, params string[] args)
    {
        var info = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-n", namespaceName, "-j" }.Concat(args))
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"ip {string.Join(' ', args)}: {process.StandardError.ReadToEnd()}");
        return JsonDocument.Parse(string.IsNullOrWhiteSpace(output) ? "[]" : output).RootElement.Clone();
    }

    /// <summary><c>ip -j rule</c> as "priority: selector lookup table" strings.</summary>
    public static string[] Rules(string namespaceName) =>
        [.. Run(namespaceName, "rule", "show").EnumerateArray().Select(r =>
            $"{r.GetProperty("priority").GetInt32()}: from {Str(r, "src") ?? "all"}{(Str(r, "dst") is { } d ? " to " + d : string.Empty)}" +
            $"{(Str(r, "iif") is { } i ? " iif " + i : string.Empty)}{(Str(r, "fwmark") is { } m ? " fwmark " + m + (Str(r, "fwmask") is { } k ? "/" + k : string.Empty) : string.Empty)}" +
            $" lookup {Str(r, "table")}").Order(StringComparer.Ordinal)];

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? (v.ValueKind == JsonValueKind.Number ? v.GetRawText() : v.GetString()) : null;
}
