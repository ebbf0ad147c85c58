using System.Collections.Concurrent;
using Grpc.Core;
using VpcCni.Engine.Rpc;

namespace VpcCni.Plugin.Tests.Support;

/// <summary>The fake agent's state: pod → (mode, interface count) for every pod under policy.</summary>
internal sealed class FakeNpBackend : NPBackend.NPBackendBase
{
    public ConcurrentDictionary<string, (string Mode, int Interfaces)> Enforced { get; } = new();

    /// <summary>Pods (namespace/name) the agent answers Success=false for.</summary>
    public ConcurrentDictionary<string, bool> Refuse { get; } = new();

    public override Task<EnforceNpReply> EnforceNpToPod(EnforceNpRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pod = $"{request.K8SPODNAMESPACE}/{request.K8SPODNAME}";
        if (Refuse.ContainsKey(pod))
        {
            return Task.FromResult(new EnforceNpReply { Success = false });
        }

        Enforced[pod] = (request.NETWORKPOLICYMODE, request.InterfaceCount);
        return Task.FromResult(new EnforceNpReply { Success = true });
    }

    public override Task<DeleteNpReply> DeletePodNp(DeleteNpRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        Enforced.TryRemove($"{request.K8SPODNAMESPACE}/{request.K8SPODNAME}", out _);
        return Task.FromResult(new DeleteNpReply { Success = true });
    }
}
