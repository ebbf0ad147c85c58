using Google.Protobuf;
using Google.Protobuf.Reflection;
using VpcCni.Engine.Rpc;
using static Google.Protobuf.WireFormat.WireType;

namespace VpcCni.Service.Tests;

/// <summary>
/// Pins Engine's protocol to upstream's wire format (amazon-vpc-cni-k8s <c>rpc/rpc.proto</c>): each
/// message is encoded with every field set and the tags on the wire are read back, so renumbering
/// or retyping a field fails here rather than against a deployed plugin.
/// </summary>
public sealed class RpcWireFormatTests
{
    private const WireFormat.WireType Text = LengthDelimited;

    [Fact]
    public void AddNetworkRequestUsesUpstreamFieldNumbers()
    {
        var message = new AddNetworkRequest
        {
            K8SPODNAME = "p", K8SPODNAMESPACE = "n", K8SPODINFRACONTAINERID = "i", Netns = "/ns", IfName = "eth0",
            NetworkName = "aws-cni", ContainerID = "c", ClientVersion = "v", RequiresMultiNICAttachment = true,
        };

        Assert.Equal([(1, Text), (2, Text), (3, Text), (4, Text), (5, Text), (6, Text), (7, Text), (8, Text), (9, Varint)], Tags(message));
    }

    [Fact]
    public void AddNetworkReplyUsesUpstreamFieldNumbers()
    {
        var message = new AddNetworkReply
        {
            Success = true, UseExternalSNAT = true, PodVlanId = 7, PodENIMAC = "m", PodENISubnetGW = "g", ParentIfIndex = 3,
            NetworkPolicyMode = "standard",
            IPAllocationMetadata = { new IPAllocationMetadata { IPv4Addr = "10.0.0.1" } },
            VPCv4CIDRs = { "10.0.0.0/16" },
            VPCv6CIDRs = { "2600::/56" },
        };

        Assert.Equal(
            [(1, Varint), (2, Text), (5, Varint), (6, Text), (7, Varint), (8, Text), (9, Text), (10, Varint), (12, Text), (13, Text)],
            Tags(message));
    }

    [Fact]
    public void IpAllocationMetadataUsesUpstreamFieldNumbersAndBytes()
    {
        var message = new IPAllocationMetadata { IPv4Addr = "a", IPv6Addr = "b", DeviceNumber = 2, RouteTableId = 3 };

        // Field 1 "a", field 2 "b", field 3 varint 2, field 4 varint 3, written out by hand.
        Assert.Equal(new byte[] { 0x0A, 0x01, 0x61, 0x12, 0x01, 0x62, 0x18, 0x02, 0x20, 0x03 }, message.ToByteArray());
    }

    [Fact]
    public void DelNetworkRequestUsesUpstreamFieldNumbers()
    {
        var message = new DelNetworkRequest
        {
            K8SPODNAME = "p", K8SPODNAMESPACE = "n", K8SPODINFRACONTAINERID = "i", Reason = "PodDeleted", IfName = "eth0",
            NetworkName = "aws-cni", ContainerID = "c", ClientVersion = "v", K8SPODUID = "u",
        };

        Assert.Equal([(1, Text), (2, Text), (3, Text), (5, Text), (6, Text), (7, Text), (8, Text), (9, Text), (10, Text)], Tags(message));
    }

    [Fact]
    public void DelNetworkReplyUsesUpstreamFieldNumbers()
    {
        var message = new DelNetworkReply
        {
            Success = true, PodVlanId = 4, NetworkPolicyMode = "strict",
            IPAllocationMetadata = { new IPAllocationMetadata { IPv4Addr = "10.0.0.1" } },
        };

        Assert.Equal([(1, Varint), (2, Text), (4, Varint), (6, Text)], Tags(message));
    }

    [Fact]
    public void NetworkPolicyAgentConfigReplyUsesUpstreamFieldNumbers()
    {
        var message = new NetworkPolicyAgentConfigReply
        {
            NetworkPolicyMode = "m", MultiNICEnabled = true, NodeIPv4 = "4", NodeIPv6 = "6", InstanceID = "i", Region = "r",
        };

        Assert.Equal([(1, Text), (2, Varint), (3, Text), (4, Text), (5, Text), (6, Text)], Tags(message));
    }

    [Fact]
    public void NetworkPolicyAgentMessagesUseUpstreamFieldNumbersAndBytes()
    {
        var enforce = new EnforceNpRequest { K8SPODNAME = "a", K8SPODNAMESPACE = "b", NETWORKPOLICYMODE = "c", InterfaceCount = 2 };

        Assert.Equal(new byte[] { 0x0A, 0x01, 0x61, 0x12, 0x01, 0x62, 0x1A, 0x01, 0x63, 0x20, 0x02 }, enforce.ToByteArray());
        Assert.Equal([(1, Text), (2, Text)], Tags(new DeleteNpRequest { K8SPODNAME = "a", K8SPODNAMESPACE = "b" }));
        Assert.Equal([(1, Varint)], Tags(new EnforceNpReply { Success = true }));
        Assert.Equal([(1, Varint)], Tags(new DeleteNpReply { Success = true }));
    }

    [Fact]
    public void ServicesAndMethodsHaveUpstreamsNames()
    {
        var file = RpcReflection.Descriptor;
        var methods = file.Services.SelectMany(s => s.Methods.Select(m => $"{s.FullName}/{m.Name}({m.InputType.FullName}) {m.OutputType.FullName}"));

        Assert.Equal("rpc", file.Package);
        Assert.Equal(
        [
            "rpc.CNIBackend/AddNetwork(rpc.AddNetworkRequest) rpc.AddNetworkReply",
            "rpc.CNIBackend/DelNetwork(rpc.DelNetworkRequest) rpc.DelNetworkReply",
            "rpc.ConfigServerBackend/GetNetworkPolicyConfigs(google.protobuf.Empty) rpc.NetworkPolicyAgentConfigReply",
            "rpc.NPBackend/EnforceNpToPod(rpc.EnforceNpRequest) rpc.EnforceNpReply",
            "rpc.NPBackend/DeletePodNp(rpc.DeleteNpRequest) rpc.DeleteNpReply",
        ], methods);
    }

    [Fact]
    public void FieldNamesAreUpstreamsForReflectionAndJsonClients()
    {
        string Names(MessageDescriptor d) => string.Join(",", d.Fields.InFieldNumberOrder().Select(f => f.Name));

        Assert.Equal(
            "K8S_POD_NAME,K8S_POD_NAMESPACE,K8S_POD_INFRA_CONTAINER_ID,Netns,IfName,NetworkName,ContainerID,ClientVersion,RequiresMultiNICAttachment",
            Names(AddNetworkRequest.Descriptor));
        Assert.Equal(
            "Success,IPAllocationMetadata,UseExternalSNAT,VPCv4CIDRs,PodVlanId,PodENIMAC,PodENISubnetGW,ParentIfIndex,VPCv6CIDRs,NetworkPolicyMode",
            Names(AddNetworkReply.Descriptor));
        Assert.Equal(
            "K8S_POD_NAME,K8S_POD_NAMESPACE,K8S_POD_INFRA_CONTAINER_ID,Reason,IfName,NetworkName,ContainerID,ClientVersion,K8S_POD_UID",
            Names(DelNetworkRequest.Descriptor));
        Assert.Equal("IPv4Addr,IPv6Addr,DeviceNumber,RouteTableId", Names(IPAllocationMetadata.Descriptor));
    }

    private static List<(int Field, WireFormat.WireType Type)> Tags(IMessage message)
    {
        var input = new CodedInputStream(message.ToByteArray());
        var tags = new List<(int, WireFormat.WireType)>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            tags.Add((WireFormat.GetTagFieldNumber(tag), WireFormat.GetTagWireType(tag)));
            input.SkipLastField();
        }

        return tags;
    }
}
