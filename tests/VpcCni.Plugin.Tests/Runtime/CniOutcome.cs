using System.Text.Json;

namespace VpcCni.Plugin.Tests.Runtime;

/// <summary>What one cni-driver run printed: the CNI result or error object on stdout, libcni's message on stderr.</summary>
public sealed record CniOutcome(string Verb, int ExitCode, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Fails the test with everything the driver printed unless the verb succeeded.</summary>
    public CniOutcome AssertSucceeded()
    {
        Assert.True(Succeeded, $"cni-driver {Verb} failed ({ExitCode}).\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        return this;
    }

    /// <summary>stdout as JSON (the ADD result, or the error object of a failed verb).</summary>
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Stdout);
        return document.RootElement.Clone();
    }

    /// <summary>The first address of an ADD result, without its prefix length.</summary>
    public string Address() => Json().GetProperty("ips")[0].GetProperty("address").GetString()!.Split('/')[0];
}
