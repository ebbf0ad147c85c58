using System.Text;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Configuration;
using VpcCni.Plugin.Cni;

namespace VpcCni.Plugin.Tests.Cni;

public sealed class NetConfReaderTests
{
    private static NetConf Read(string json, CniCommand command = CniCommand.Add) => NetConfReader.Read(Encoding.UTF8.GetBytes(json), command);

    private static int CodeOf(string json, CniCommand command = CniCommand.Add) => Assert.Throws<CniException>(() => Read(json, command)).Code;

    [Fact]
    public void UpstreamsConflistEntryReadsWithItsDefaults()
    {
        var conf = Read("""{"cniVersion":"1.0.0","name":"aws-cni","type":"aws-cni","vethPrefix":"eni","mtu":"9001","podSGEnforcingMode":"strict","pluginLogFile":"/var/log/aws-routed-eni/plugin.log","pluginLogLevel":"DEBUG","capabilities":{"io.kubernetes.cri.pod-annotations":true}}""");
        Assert.Equal(("1.0.0", "aws-cni", "eni", 9001, PodSecurityGroupEnforcingMode.Strict), (conf.CniVersion, conf.Name, conf.VethPrefix, conf.Mtu, conf.PodSgMode));
        Assert.Equal(("/var/run/aws-node/ipamd.sock", "/var/run/aws-node/npa.sock", LogLevel.Debug), (conf.IpamSocket, conf.NetworkPolicySocket, conf.LogLevel));
    }

    [Theory]
    [InlineData("\"1500\"", 1500)]
    [InlineData("1500", 1500)]
    [InlineData("100000", 100000)]
    public void MtuIsReadAsAStringOrANumber(string mtu, int expected) =>
        Assert.Equal(expected, Read($$"""{"cniVersion":"1.1.0","name":"n","mtu":{{mtu}}}""").Mtu);

    [Fact]
    public void OurSocketKeysAndTheMultiNicAnnotationAreRead()
    {
        var conf = Read("""{"cniVersion":"1.1.0","name":"n","ipamSocket":"/tmp/a.sock","networkPolicySocket":"/tmp/b.sock","runtimeConfig":{"io.kubernetes.cri.pod-annotations":{"k8s.amazonaws.com/nicConfig":"multi-nic-attachment"}}}""");
        Assert.Equal(("/tmp/a.sock", "/tmp/b.sock", true), (conf.IpamSocket, conf.NetworkPolicySocket, conf.RequiresMultiNicAttachment));
    }

    [Theory]
    [InlineData("stdout", "stderr")]
    [InlineData("stderr", "stderr")]
    [InlineData("", "/var/log/aws-routed-eni/plugin.log")]
    public void LogsNeverGoToStdout(string file, string expected) =>
        Assert.Equal(expected, Read($$"""{"cniVersion":"1.1.0","name":"n","pluginLogFile":"{{file}}"}""").LogFile);

    [Theory]
    [InlineData("""{"cniVersion":"1.1.0","name":"n","mtu":"jumbo"}""", 7)]
    [InlineData("""{"cniVersion":"1.1.0","name":"n","vethPrefix":"toolong"}""", 7)]
    [InlineData("""{"cniVersion":"1.1.0","name":"n","podSGEnforcingMode":"lenient"}""", 7)]
    [InlineData("""{"cniVersion":"1.1.0","name":"n","ipamSocket":"relative.sock"}""", 7)]
    [InlineData("""{"cniVersion":"1.1.0","name":"n","pluginLogFile":"plugin.log"}""", 7)]
    [InlineData("""{"cniVersion":"1.1.0","name":"n","introspectionAddress":"nowhere"}""", 7)]
    [InlineData("""{"cniVersion":"1.1.0","name":"bad name"}""", 7)]
    [InlineData("""{"cniVersion":"1.1.0"}""", 7)]
    [InlineData("""{"cniVersion":"0.3.1","name":"n"}""", 1)]
    [InlineData("""{"name":"n"}""", 1)]
    [InlineData("""{"cniVersion":"1.1.0","name":"n","mtu":true}""", 6)]
    [InlineData("""{"cniVersion":"1.1.0","name":5}""", 6)]
    [InlineData("""{"cniVersion":"1.1.0","name":"n","prevResult":"text"}""", 6)]
    [InlineData("""[1,2]""", 6)]
    [InlineData("""null""", 6)]
    [InlineData("""{"cniVersion":""", 6)]
    public void ABadConfigurationGetsTheSpecsCode(string json, int code) => Assert.Equal(code, CodeOf(json));

    [Theory]
    [InlineData(CniCommand.Status, "1.0.0")]
    [InlineData(CniCommand.Gc, "0.4.0")]
    public void StatusAndGcNeedVersion110(CniCommand command, string version) =>
        Assert.Equal(1, CodeOf($$"""{"cniVersion":"{{version}}","name":"n"}""", command));

    [Fact]
    public void GcAttachmentsAreReadUnderEitherName()
    {
        Assert.Equal("c1", Read("""{"cniVersion":"1.1.0","name":"n","cni.dev/attachments":[{"containerID":"c1","ifname":"eth0"}]}""", CniCommand.Gc).Attachments![0].ContainerId);
        Assert.Equal("c2", Read("""{"cniVersion":"1.1.0","name":"n","cni.dev/valid-attachments":[{"containerID":"c2","ifname":"eth0"}]}""", CniCommand.Gc).Attachments![0].ContainerId);
    }
}
