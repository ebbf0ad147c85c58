using System.Net;
using System.Net.NetworkInformation;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using VpcCni.Engine.Linux.Wiring;
using VpcCni.Engine.Rpc;
using VpcCni.Plugin.Cni;
using VpcCni.Plugin.Commands;

namespace VpcCni.Plugin.Tests;

/// <summary>The ADD result's shape per version, and that DEL reads it back the way upstream's plugin wrote it.</summary>
public sealed class AddResultTests
{
    private static string Build(string version, int vlanId = 0)
    {
        var conf = NetConfReader.Read("""{"cniVersion":"1.1.0","name":"aws-cni"}"""u8, CniCommand.Add) with { CniVersion = version };
        var context = new CommandContext(new CniEnvironment(CniCommand.Add, "c1", "/run/netns/p", "eth0", string.Empty, "/opt/cni/bin"), conf, new KubernetesArgs("pod-a", "default", "c1", "u"), PluginHost.Node, NullLoggerFactory.Instance);
        var reply = new AddNetworkReply { Success = true, PodVlanId = vlanId, PodENISubnetGW = vlanId == 0 ? string.Empty : "10.0.5.1" };
        reply.IPAllocationMetadata.Add(new IPAllocationMetadata { IPv4Addr = "10.0.1.20", DeviceNumber = 1, RouteTableId = 2 });
        var request = new PodNetworkRequest("default", "pod-a", "/run/netns/p", "eth0", IPAddress.Parse("10.0.1.20"), 2);
        var wired = new PodWiringResult("eni5e1c4d6c68c", PhysicalAddress.Parse("02-00-00-00-00-01"), 7, "eth0", PhysicalAddress.Parse("0A-00-00-00-00-02"), 2);
        return CniJsonWriter.Write(AddResultBuilder.Build(context, reply, [(request, wired)]));
    }

    private static CniResult Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return CniJsonReader.ReadResult(document.RootElement);
    }

    [Fact]
    public void A11ResultHasHostVethContainerAndDummyAndTheDefaultRoute() => Assert.Equal(
        """{"cniVersion":"1.1.0","interfaces":[{"name":"eni5e1c4d6c68c","mac":"02:00:00:00:00:01"},{"name":"eth0","mac":"0a:00:00:00:00:02","sandbox":"/run/netns/p","pciID":"2"},{"name":"dummy5e1c4d6c68c","mac":"0","sandbox":"1","socketPath":"1"}],"ips":[{"address":"10.0.1.20/32","interface":1}],"routes":[{"dst":"0.0.0.0/0","gw":"169.254.1.1"}],"dns":{}}""",
        Build("1.1.0"));

    [Fact]
    public void A040ResultCarriesVersion4InEachIp() =>
        Assert.Contains("""{"version":"4","address":"10.0.1.20/32","interface":1}""", Build("0.4.0"), StringComparison.Ordinal);

    [Fact]
    public void ABranchPodsResultCarriesTheVlanInTheDummyMacAndTheBranchGateway()
    {
        var json = Build("1.0.0", vlanId: 7);
        Assert.Contains("""{"name":"dummy5e1c4d6c68c","mac":"7"}""", json, StringComparison.Ordinal);
        Assert.Contains("\"gateway\":\"10.0.5.1\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void DelReadsBackTheAddressAndTableOfItsOwnResult()
    {
        var result = Read(Build("1.1.0"));
        var view = PrevResultView.From(result, new KubernetesArgs("pod-a", "default", "c1", "u"), "eth0")!;
        Assert.Equal((0, "10.0.1.20", 2), (view.VlanId, view.Interfaces.Single().Address.ToString(), view.Interfaces.Single().RouteTable));
    }

    [Fact]
    public void AnOlderUpstreamResultWithoutCountOrTableFallsBackToDevicePlusOne()
    {
        // Upstream's plugin before it stored the interface count: no socketPath, no pciID.
        var upstream = """{"cniVersion":"0.4.0","interfaces":[{"name":"eni5e1c4d6c68c"},{"name":"eth0","sandbox":"/proc/1/ns/net"},{"name":"dummy5e1c4d6c68c","mac":"0","sandbox":"2"}],"ips":[{"version":"4","interface":1,"address":"10.0.2.9/32"}],"dns":{}}""";
        var view = PrevResultView.From(Read(upstream), new KubernetesArgs("pod-a", "default", "c1", "u"), "eth0")!;
        Assert.Equal(("10.0.2.9", 3), (view.Interfaces.Single().Address.ToString(), view.Interfaces.Single().RouteTable));
    }

    [Fact]
    public void AResultOfAnotherPodIsNotUsed()
    {
        var result = Read(Build("1.1.0"));
        Assert.Null(PrevResultView.From(result, new KubernetesArgs("pod-b", "default", "c1", "u"), "eth0"));
    }
}
