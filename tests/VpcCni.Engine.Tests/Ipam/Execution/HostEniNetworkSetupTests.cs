using System.Net.Sockets;
using VpcCni.Engine.Ipam.Execution;
using VpcCni.Engine.Tests.Linux;

namespace VpcCni.Engine.Tests.Ipam.Execution;

/// <summary><see cref="HostEniNetworkSetup"/> on a throwaway node namespace (root lane).</summary>
public sealed class HostEniNetworkSetupTests : IDisposable
{
    private readonly NodeScenario _node = new();

    public void Dispose() => _node.Dispose();

    [RootFact]
    public async Task SetupRoutesTheEniAndTeardownRemovesItsRuleAndRoutes()
    {
        var setup = new HostEniNetworkSetup(_node.HostEnis());
        var eni = NodeScenario.SecondaryEni;

        await setup.SetupAsync(eni, CancellationToken.None);
        Assert.Single(_node.NodeNetlink.ListRules(AddressFamily.InterNetwork), r => r.Priority == 32765);
        Assert.NotEmpty(_node.NodeNetlink.ListRoutes(AddressFamily.InterNetwork, eni.RouteTable));

        await setup.TeardownAsync(eni, CancellationToken.None);
        await setup.TeardownAsync(eni, CancellationToken.None);

        Assert.DoesNotContain(_node.NodeNetlink.ListRules(AddressFamily.InterNetwork), r => r.Priority == 32765);
        Assert.Empty(_node.NodeNetlink.ListRoutes(AddressFamily.InterNetwork, eni.RouteTable));
    }
}
