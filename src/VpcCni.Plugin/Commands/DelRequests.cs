using VpcCni.Engine.Rpc;

namespace VpcCni.Plugin.Commands;

/// <summary>DelNetwork requests for this invocation's attachment (upstream <c>cmd/routed-eni-cni-plugin/cni.go</c>).</summary>
internal static class DelRequests
{
    public static DelNetworkRequest For(CommandContext context, string reason) => new()
    {
        K8SPODNAME = context.Pod.PodName,
        K8SPODNAMESPACE = context.Pod.PodNamespace,
        K8SPODINFRACONTAINERID = context.Pod.InfraContainerId,
        K8SPODUID = context.Pod.PodUid,
        ContainerID = context.Env.ContainerId,
        IfName = context.Env.IfName,
        NetworkName = context.Conf.Name,
        Reason = reason,
    };
}
