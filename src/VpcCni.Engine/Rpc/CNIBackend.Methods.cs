using Grpc.Core;

namespace VpcCni.Engine.Rpc;

/// <summary>The generated service class of <c>rpc.proto</c>, with its call descriptors made public.</summary>
public static partial class CNIBackend
{
    /// <summary>
    /// AddNetwork's descriptor, for a call straight on a channel's <see cref="CallInvoker"/>. The
    /// generated client wraps that invoker in an interceptor, and every generic virtual call layer costs
    /// a Native AOT process a runtime lookup on its first use (docs/plugin.md, "Start-up").
    /// </summary>
    public static Method<AddNetworkRequest, AddNetworkReply> AddNetworkMethod => __Method_AddNetwork;

    /// <summary>DelNetwork's descriptor, as <see cref="AddNetworkMethod"/>.</summary>
    public static Method<DelNetworkRequest, DelNetworkReply> DelNetworkMethod => __Method_DelNetwork;
}
