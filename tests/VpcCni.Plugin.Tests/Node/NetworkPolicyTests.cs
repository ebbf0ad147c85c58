using VpcCni.Engine.Errors;
using VpcCni.Plugin.Tests.Support;

namespace VpcCni.Plugin.Tests.Node;

/// <summary>
/// The network-policy hook: with a policy mode set on the service, ADD asks a (fake, stateful) agent to
/// enforce policy and fails, unwired and with its address given back, when the agent refuses or is absent;
/// DEL tells the agent the pod is gone.
/// </summary>
[Collection(PluginNodeGroup.Name)]
public sealed class NetworkPolicyTests(PluginNode node) : IAsyncLifetime
{
    private FakeNetworkPolicyAgent? _agent;

    public async Task InitializeAsync()
    {
        if (!RootFactAttribute.IsCi && !RootFactAttribute.IsRoot)
        {
            return;
        }

        _agent = await FakeNetworkPolicyAgent.StartAsync(node.Directory.File("npa.sock"));
        await node.StopServiceAsync();
        await node.StartServiceAsync(new Dictionary<string, string> { ["NodeNetwork__NetworkPolicyMode"] = "standard" });
    }

    public async Task DisposeAsync()
    {
        if (_agent is null)
        {
            return;
        }

        await _agent.DisposeAsync();
        await node.StopServiceAsync();
        await node.StartServiceAsync();
    }

    [RootFact]
    public async Task AddPutsThePodUnderPolicyAndDelTakesItOff()
    {
        var (netns, pod, container) = node.NewPod("np");
        var conf = Conf(_agent!.SocketPath);
        var add = await node.RunAsync(PluginRunner.Environment("ADD", container, netns, pod), conf.ToJsonString());
        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.Equal(("standard", 1), _agent.Backend.Enforced[$"default/{pod}"]);

        var del = await node.RunAsync(PluginRunner.Environment("DEL", container, netns, pod), NetConfJson.WithPrevResult(conf, add.Stdout));
        Assert.True(del.ExitCode == 0, del.ToString());
        Assert.False(_agent.Backend.Enforced.ContainsKey($"default/{pod}"));
    }

    [RootFact]
    public async Task AnAgentThatRefusesFailsTheAddWhichUnwiresAndGivesTheAddressBack()
    {
        var before = node.NodeState();
        var (netns, pod, container) = node.NewPod("np");
        _agent!.Backend.Refuse[$"default/{pod}"] = true;
        var add = await node.RunAsync(PluginRunner.Environment("ADD", container, netns, pod), Conf(_agent.SocketPath).ToJsonString());
        Assert.Equal((11, ErrorIds.Plugin.NetworkPolicyFailed), (add.Code, add.Details));
        Assert.DoesNotContain(await node.AllocationsAsync(), a => a.ContainerId == container);
        Assert.Equal(before, node.NodeState(), StateComparer.Instance);
    }

    [RootFact]
    public async Task AnAbsentAgentFailsTheAddWithinSecondsAndLeavesNothing()
    {
        var before = node.NodeState();
        var (netns, pod, container) = node.NewPod("np");
        var started = TimeProvider.System.GetTimestamp();
        var add = await node.RunAsync(PluginRunner.Environment("ADD", container, netns, pod), Conf(node.Directory.File("no-agent.sock")).ToJsonString());
        Assert.Equal((11, ErrorIds.Plugin.NetworkPolicyFailed), (add.Code, add.Details));
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(15));
        Assert.DoesNotContain(await node.AllocationsAsync(), a => a.ContainerId == container);
        Assert.Equal(before, node.NodeState(), StateComparer.Instance);
    }

    private System.Text.Json.Nodes.JsonObject Conf(string agentSocket)
    {
        var conf = node.Conf();
        conf["networkPolicySocket"] = agentSocket;
        return conf;
    }
}
