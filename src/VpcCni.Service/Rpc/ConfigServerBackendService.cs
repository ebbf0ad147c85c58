using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Rpc;
using VpcCni.Service.Hosting;

namespace VpcCni.Service.Rpc;

/// <summary>
/// <c>rpc.ConfigServerBackend</c>: what the network-policy agent asks at start (policy mode,
/// multi-NIC, the node's address, instance id and region), so that it needs no IMDS calls of its own.
/// </summary>
internal sealed class ConfigServerBackendService(IOptionsMonitor<NodeNetworkOptions> node) : ConfigServerBackend.ConfigServerBackendBase
{
    public override Task<NetworkPolicyAgentConfigReply> GetNetworkPolicyConfigs(Empty request, ServerCallContext context)
    {
        var settings = node.CurrentValue;
        return Task.FromResult(new NetworkPolicyAgentConfigReply
        {
            NetworkPolicyMode = settings.NetworkPolicyMode,
            MultiNICEnabled = settings.MultiNicEnabled,
            NodeIPv4 = settings.NodeIpv4,
            NodeIPv6 = settings.NodeIpv6,
            InstanceID = settings.InstanceId,
            Region = settings.Region,
        });
    }
}
