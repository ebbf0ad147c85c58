using Google.Protobuf.WellKnownTypes;
using VpcCni.Engine.Rpc;
using VpcCni.Service.Tests.Support;

namespace VpcCni.Service.Tests;

public sealed class ConfigServerBackendServiceTests
{
    [Fact]
    public async Task GetNetworkPolicyConfigsAnswersFromTheNodeSettings()
    {
        await using var service = await ServiceHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["NodeNetwork:NetworkPolicyMode"] = "strict",
            ["NodeNetwork:MultiNicEnabled"] = "true",
            ["NodeNetwork:NodeIpv4"] = "10.0.0.42",
            ["NodeNetwork:InstanceId"] = "i-0123456789abcdef0",
            ["NodeNetwork:Region"] = "eu-west-1",
        });

        var reply = await new ConfigServerBackend.ConfigServerBackendClient(service.Channel).GetNetworkPolicyConfigsAsync(new Empty());

        Assert.Equal("strict", reply.NetworkPolicyMode);
        Assert.True(reply.MultiNICEnabled);
        Assert.Equal("10.0.0.42", reply.NodeIPv4);
        Assert.Equal("", reply.NodeIPv6);
        Assert.Equal("i-0123456789abcdef0", reply.InstanceID);
        Assert.Equal("eu-west-1", reply.Region);
    }
}
