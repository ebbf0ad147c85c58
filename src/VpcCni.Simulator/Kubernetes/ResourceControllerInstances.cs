using System.Text.Json.Nodes;
using VpcCni.Simulator.World;

namespace VpcCni.Simulator.Kubernetes;

/// <summary>Which instance of the simulated world a Kubernetes node is, for <see cref="ResourceController"/>.</summary>
internal static class ResourceControllerInstances
{
    /// <summary>The instance named by the Node's <c>spec.providerID</c> (<c>aws:///zone/i-…</c>), else by the address in an <c>ip-a-b-c-d…</c> name, else the only one.</summary>
    public static SimInstance? Find(SimWorld world, string nodeName, JsonObject? node)
    {
        if ((string?)node?["spec"]?["providerID"] is { } provider && world.Instances.TryGetValue(provider[(provider.LastIndexOf('/') + 1)..], out var named))
        {
            return named;
        }

        var label = nodeName.Split('.')[0];
        if (label.StartsWith("ip-", StringComparison.Ordinal) && System.Net.IPAddress.TryParse(label[3..].Replace('-', '.'), out var address))
        {
            var byAddress = world.Instances.Values.FirstOrDefault(i => world.NetworkInterfaces.TryGetValue(i.PrimaryNetworkInterfaceId, out var p) && p.PrimaryIp.Equals(address));
            if (byAddress is not null)
            {
                return byAddress;
            }
        }

        return world.Instances.Count == 1 ? world.Instances.Values.First() : null;
    }
}
