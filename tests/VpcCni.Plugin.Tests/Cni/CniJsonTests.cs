using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using VpcCni.Plugin.Cni;

namespace VpcCni.Plugin.Tests.Cni;

/// <summary>
/// The plugin's own JSON reader and writer against the serializer (reflection, in this test process)
/// reading the records' [JsonPropertyName] attributes: the same text out, the same records in.
/// </summary>
public sealed class CniJsonTests
{
    private static readonly JsonSerializerOptions Serializer = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,
    };

    public static TheoryData<string> Results => new()
    {
        """{"cniVersion":"1.1.0","interfaces":[{"name":"eni5e1c4d6c68c","mac":"02:00:00:00:00:01"},{"name":"eth0","mac":"0a:00:00:00:00:02","mtu":9001,"sandbox":"/run/netns/p","pciID":"2"},{"name":"dummy5e1c4d6c68c","mac":"0","sandbox":"1","socketPath":"1"}],"ips":[{"address":"10.0.1.20/32","interface":1}],"routes":[{"dst":"0.0.0.0/0","gw":"169.254.1.1"}],"dns":{}}""",
        """{"cniVersion":"0.4.0","interfaces":[{"name":"eth0"}],"ips":[{"version":"4","address":"10.0.2.9/32","gateway":"10.0.2.1","interface":0}],"dns":{"nameservers":["10.0.0.2"],"domain":"ec2.internal","search":["a","b"],"options":["ndots:5"]}}""",
        """{"cniVersion":"1.0.0","interfaces":[{"name":"<&'pod'>\u00e9"}]}""",
        """{}""",
    };

    [Theory]
    [MemberData(nameof(Results))]
    public void AResultIsWrittenAsTheSerializerWritesIt(string json)
    {
        var result = JsonSerializer.Deserialize<CniResult>(json, Serializer)!;

        Assert.Equal(JsonSerializer.Serialize(result, Serializer), CniJsonWriter.Write(result));
    }

    [Theory]
    [MemberData(nameof(Results))]
    public void AResultIsReadAsTheSerializerReadsIt(string json)
    {
        using var document = JsonDocument.Parse(json);

        var ours = CniJsonReader.ReadResult(document.RootElement);

        Assert.Equal(JsonSerializer.Serialize(JsonSerializer.Deserialize<CniResult>(json, Serializer), Serializer), JsonSerializer.Serialize(ours, Serializer));
    }

    [Fact]
    public void ErrorsAndVersionInfoAreWrittenAsTheSerializerWritesThem()
    {
        var error = new CniError("1.1.0", 7, "mtu \"x\" is <not> a number", "Plugin.InvalidConfig");
        var info = new CniVersionInfo("1.1.0", ["0.4.0", "1.0.0", "1.1.0"]);

        Assert.Equal(JsonSerializer.Serialize(error, Serializer), CniJsonWriter.Write(error));
        Assert.Equal(JsonSerializer.Serialize(error with { Details = null }, Serializer), CniJsonWriter.Write(error with { Details = null }));
        Assert.Equal(JsonSerializer.Serialize(info, Serializer), CniJsonWriter.Write(info));
    }

    [Fact]
    public void TheConfigurationIsReadAsTheSerializerReadsItWithKeysInAnyCaseAndTheLastOfARepeatedKey()
    {
        const string json = """
            { "CNIVERSION": "1.0.0", "name": "first", "Name": "aws-cni", "type": "vpc-cni", "vethPrefix": "eni", "mtu": 9001,
              "podSGEnforcingMode": "standard", "pluginLogFile": "/var/log/p.log", "pluginLogLevel": "Debug", "ipamSocket": "/run/i.sock",
              "networkPolicySocket": "/run/n.sock", "introspectionAddress": "127.0.0.1:61679", "unknown": { "nested": [1, 2] },
              "runtimeConfig": { "io.kubernetes.cri.pod-annotations": { "vpc.amazonaws.com/pod-eni": "[]", "k": "v" } },
              "prevResult": { "cniVersion": "1.0.0", "interfaces": [ { "name": "eth0" } ] },
              "cni.dev/attachments": [ { "containerID": "c1", "ifname": "eth0" } ] }
            """;

        var ours = CniJsonReader.ReadNetConf(System.Text.Encoding.UTF8.GetBytes(json));

        Assert.Equal(("1.0.0", "aws-cni", "9001", "standard"), (ours.CniVersion, ours.Name, ours.Mtu, ours.PodSgEnforcingMode));
        Assert.Equal(("/run/i.sock", "/run/n.sock", "127.0.0.1:61679"), (ours.IpamSocket, ours.NetworkPolicySocket, ours.IntrospectionAddress));
        Assert.Equal("[]", ours.RuntimeConfig!.PodAnnotations!["vpc.amazonaws.com/pod-eni"]);
        Assert.Equal("eth0", ours.PrevResult!.Interfaces!.Single().Name);
        Assert.Equal(new GcAttachment { ContainerId = "c1", IfName = "eth0" }, ours.Attachments!.Single());
    }

    [Theory]
    [InlineData("""[]""")]
    [InlineData("""{"name": 5}""")]
    [InlineData("""{"mtu": true}""")]
    [InlineData("""{"mtu": 1.5}""")]
    [InlineData("""{"runtimeConfig": {"io.kubernetes.cri.pod-annotations": {"a": 1}}}""")]
    [InlineData("""{"prevResult": {"interfaces": [{"mac": "x"}]}}""")]
    [InlineData("""{"prevResult": {"ips": [{"address": "10.0.0.1/32", "interface": "1"}]}}""")]
    [InlineData("""{"cni.dev/attachments": {}}""")]
    [InlineData("""{"name": "a"} trailing""")]
    [InlineData("""{"name": "a",}""")]
    public void WhatTheSerializerRefusesIsRefused(string json)
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<NetConfDocument>(json, Serializer));
        Assert.ThrowsAny<JsonException>(() => CniJsonReader.ReadNetConf(System.Text.Encoding.UTF8.GetBytes(json)));
    }
}
