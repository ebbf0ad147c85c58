using System.Text.Json.Nodes;
using VpcCni.Plugin.Tests.Support;

namespace VpcCni.Plugin.Tests.Node;

/// <summary>
/// Malformed invocations against a real node: each gets the CNI spec's code, and none leaves anything
/// behind: no address held by the service, no link, rule or route on the node, nothing in the pod.
/// </summary>
[Collection(PluginNodeGroup.Name)]
public sealed class BadInputTests(PluginNode node)
{
    private const string Missing = "\0missing";

    /// <summary>One case: the command, what to change in the environment (Missing removes), what to change in the configuration (null removes), the expected code.</summary>
    public static TheoryData<string, string, string, string, string, int> Cases() => new()
    {
        { "no CNI_COMMAND", "ADD", "CNI_COMMAND=" + Missing, string.Empty, string.Empty, 4 },
        { "lower-case command", "add", string.Empty, string.Empty, string.Empty, 4 },
        { "unknown command", "ATTACH", string.Empty, string.Empty, string.Empty, 4 },
        { "ADD without container id", "ADD", "CNI_CONTAINERID=" + Missing, string.Empty, string.Empty, 4 },
        { "ADD without netns", "ADD", "CNI_NETNS=" + Missing, string.Empty, string.Empty, 4 },
        { "ADD without ifname", "ADD", "CNI_IFNAME=" + Missing, string.Empty, string.Empty, 4 },
        { "ADD without CNI_PATH", "ADD", "CNI_PATH=" + Missing, string.Empty, string.Empty, 4 },
        { "CHECK without netns", "CHECK", "CNI_NETNS=" + Missing, string.Empty, string.Empty, 4 },
        { "DEL without ifname", "DEL", "CNI_IFNAME=" + Missing, string.Empty, string.Empty, 4 },
        { "GC without CNI_PATH", "GC", "CNI_PATH=" + Missing, string.Empty, string.Empty, 4 },
        { "container id with a space", "ADD", "CNI_CONTAINERID=abc def", string.Empty, string.Empty, 4 },
        { "container id starting with a dash", "ADD", "CNI_CONTAINERID=-abc", string.Empty, string.Empty, 4 },
        { "ifname of 16 characters", "ADD", "CNI_IFNAME=abcdefghijklmnop", string.Empty, string.Empty, 4 },
        { "ifname with a slash", "ADD", "CNI_IFNAME=eth/0", string.Empty, string.Empty, 4 },
        { "relative netns", "ADD", "CNI_NETNS=run/netns/x", string.Empty, string.Empty, 4 },
        { "netns that does not exist", "ADD", "CNI_NETNS=/run/netns/vcni-no-such-namespace", string.Empty, string.Empty, 3 },
        { "unknown CNI_ARGS key without IgnoreUnknown", "ADD", "CNI_ARGS=K8S_POD_NAMESPACE=default;K8S_POD_NAME=p;COLOUR=red", string.Empty, string.Empty, 4 },
        { "CNI_ARGS pair without =", "ADD", "CNI_ARGS=IgnoreUnknown=1;K8S_POD_NAME", string.Empty, string.Empty, 4 },
        { "CNI_ARGS without the pod name", "ADD", "CNI_ARGS=IgnoreUnknown=1;K8S_POD_NAMESPACE=default", string.Empty, string.Empty, 4 },
        { "CNI_ARGS IgnoreUnknown not a boolean", "ADD", "CNI_ARGS=IgnoreUnknown=maybe;K8S_POD_NAME=p", string.Empty, string.Empty, 4 },
        { "empty stdin", "ADD", string.Empty, "=", string.Empty, 6 },
        { "stdin not JSON", "ADD", string.Empty, "=", "{not json", 6 },
        { "stdin a JSON array", "ADD", string.Empty, "=", "[1,2,3]", 6 },
        { "name of the wrong type", "ADD", string.Empty, "name", "42", 6 },
        { "mtu of the wrong type", "ADD", string.Empty, "mtu", "true", 6 },
        { "prevResult not an object", "DEL", string.Empty, "prevResult", "\"x\"", 6 },
        { "no network name", "ADD", string.Empty, "name", null!, 7 },
        { "network name with a space", "ADD", string.Empty, "name", "\"aws cni\"", 7 },
        { "cniVersion 0.3.1", "ADD", string.Empty, "cniVersion", "\"0.3.1\"", 1 },
        { "no cniVersion", "ADD", string.Empty, "cniVersion", null!, 1 },
        { "cniVersion 2.0.0", "ADD", string.Empty, "cniVersion", "\"2.0.0\"", 1 },
        { "STATUS on 1.0.0", "STATUS", string.Empty, "cniVersion", "\"1.0.0\"", 1 },
        { "vethPrefix of 5 characters", "ADD", string.Empty, "vethPrefix", "\"abcde\"", 7 },
        { "mtu not a number", "ADD", string.Empty, "mtu", "\"jumbo\"", 7 },
        { "unknown podSGEnforcingMode", "ADD", string.Empty, "podSGEnforcingMode", "\"loose\"", 7 },
        { "relative ipamSocket", "ADD", string.Empty, "ipamSocket", "\"ipamd.sock\"", 7 },
        { "CHECK without prevResult", "CHECK", string.Empty, string.Empty, string.Empty, 7 },
        { "GC without attachments", "GC", string.Empty, string.Empty, string.Empty, 7 },
        { "the service down", "ADD", string.Empty, "ipamSocket", "\"/tmp/vcni-nobody-listens.sock\"", 11 },
        { "the pool empty", "ADD", string.Empty, "ipamSocket", "EMPTY", 11 },
    };

    [RootTheory]
    [MemberData(nameof(Cases))]
    public async Task ABadInvocationGetsItsCodeAndLeavesNothing(string what, string command, string envChange, string confKey, string confValue, int code)
    {
        var before = node.NodeState();
        var (netns, pod, container) = node.NewPod("bad");
        var environment = PluginRunner.Environment(command, container, netns, pod);
        if (envChange.Length > 0)
        {
            var (name, value) = (envChange[..envChange.IndexOf('=', StringComparison.Ordinal)], envChange[(envChange.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            if (value == Missing)
            {
                environment.Remove(name);
            }
            else
            {
                environment[name] = value;
            }
        }

        var stdin = await StdinAsync(confKey, confValue);
        var outcome = await node.RunAsync(environment, stdin);

        Assert.True(outcome.Code == code, $"{what}: expected code {code}, got {outcome}");
        Assert.Single(outcome.Stdout.Trim().Split('\n'));
        Assert.DoesNotContain(await node.AllocationsAsync(), a => a.ContainerId == container);
        Assert.Equal(before, node.NodeState(), StateComparer.Instance);
        using var podSide = node.Namespaces.Open(netns);
        Assert.Equal(["lo"], podSide.ListLinks().Select(l => l.Name));
    }

    private async Task<string> StdinAsync(string key, string? value)
    {
        if (key == "=")
        {
            return value ?? string.Empty;
        }

        var conf = node.Conf();
        conf["introspectionAddress"] = "unix:" + node.IntrospectionSocket;
        if (key.Length == 0)
        {
            return conf.ToJsonString();
        }

        if (value is null)
        {
            conf.Remove(key);
        }
        else
        {
            conf[key] = value == "EMPTY" ? await node.EmptyServiceSocketAsync() : JsonNode.Parse(value);
        }

        return conf.ToJsonString();
    }
}
