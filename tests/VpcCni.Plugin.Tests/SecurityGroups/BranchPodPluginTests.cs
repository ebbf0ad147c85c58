using VpcCni.Engine.Introspection;
using VpcCni.Engine.SecurityGroups;
using VpcCni.Plugin.Tests.Support;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Kubernetes;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Plugin.Tests.SecurityGroups;

/// <summary>
/// A branch-ENI pod through the real plugin and the real node service (<c>ENABLE_POD_ENI=true</c>),
/// against the simulator, its loopback API server and the simulated VPC resource controller. The
/// service answers from the pod's annotation with the trunk as VLAN parent (with the host network
/// simulated, the trunk's device number plus 2). This kernel has no 8021q module, so creating the
/// VLAN link fails: the test checks that the plugin asked for <c>vlan.eth.&lt;id&gt;</c> with the
/// annotation's VLAN, address and table <c>vlanId + 100</c>, that the failure names the VLAN link,
/// that nothing is left in the node or pod namespace, and that nothing came from the pool. With
/// 8021q the same ADD would succeed, and the link, its MAC and parent, routes and rules would be
/// checked (docs/security-groups-for-pods.md, "Where the kernel lacks 8021q").
/// </summary>
[Collection(PluginNodeGroup.Name)]
public sealed class BranchPodPluginTests(PluginNode node)
{
    private const string NodeName = "ip-10-0-0-10.us-west-2.compute.internal";

    [RootFact]
    public async Task ABranchPodsAddAsksForItsVlanOnTheTrunkAndOnAKernelWithout8021qFailsLeavingNothingAndTakingNothingFromThePool()
    {
        var (netns, pod, container) = node.NewPod("sgp");
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = Scenario.Default() }, CancellationToken.None);
        await using var api = await KubernetesApiServer.StartAsync(new KubernetesApiServerOptions(), CancellationToken.None);
        api.LoadYaml($$"""
            apiVersion: v1
            kind: Node
            metadata: {name: {{NodeName}}}
            ---
            apiVersion: vpcresources.k8s.aws/v1beta1
            kind: SecurityGroupPolicy
            metadata: {name: allow-rds-access, namespace: default}
            spec:
              podSelector:
                matchLabels: {app: sgp}
              securityGroups: {groupIds: [sg-0123456789abcdef0]}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: {{pod}}
              namespace: default
              labels: {app: sgp}
            spec:
              nodeName: {{NodeName}}
              # The limit the resource controller's webhook adds to a pod a SecurityGroupPolicy selects: until the
              # branch annotation arrives, the service refuses the pod instead of giving it a pool address.
              containers:
              - name: app
                image: nginx
                resources:
                  limits: {vpc.amazonaws.com/pod-eni: "1"}
                  requests: {vpc.amazonaws.com/pod-eni: "1"}
            """);
        await using var controller = new ResourceController(api.Store, sim.World);
        await controller.StartAsync(CancellationToken.None);
        using var directory = new TempDirectory();
        var introspection = directory.File("introspect.sock");
        await using var service = NodeProcess.StartAgainst(sim, directory, new Dictionary<string, string>
        {
            ["NodeReconcile__Interval"] = "00:00:00.200",
            ["Kubernetes__Kubeconfig"] = api.WriteKubeconfig(directory.File("kubeconfig")),
            ["MY_NODE_NAME"] = NodeName,
            ["ENABLE_POD_ENI"] = "true",
            ["WARM_IP_TARGET"] = "2",
            ["DISABLE_INTROSPECTION"] = "false",
            ["INTROSPECTION_BIND_ADDRESS"] = "unix:" + introspection,
        });
        await service.WaitForLineAsync("IPAM socket:");
        var before = node.NodeState();
        var conf = NetConfJson.Base(NodeProcess.SocketPathIn(directory), node.LogFile);

        // Until the trunk is adopted and its link recorded, the service answers Success=false and the plugin says try again.
        PluginOutcome add;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((add = await node.RunAsync(PluginRunner.Environment("ADD", container, netns, pod), conf.ToJsonString())).Code == 11)
        {
            Assert.True(DateTime.UtcNow < deadline, "the branch pod was never answered: " + add + "\n" + service.Stdout[^Math.Min(6000, service.Stdout.Length)..]);
            await Task.Delay(100);
        }

        var branch = PodEniAnnotation.Parse((string)api.Store.Get(KubeResourceCatalog.Pods, "default", pod)["metadata"]!["annotations"]![PodEniAnnotation.Key]!)[0];
        Assert.NotEqual(0, add.ExitCode);
        Assert.True(add.Json.GetProperty("msg").GetString()!.Contains($"vlan.eth.{branch.VlanId}", StringComparison.Ordinal), add.ToString());
        var asked = File.ReadLines(node.LogFile).Last(l => l.Contains("AddNetwork gave default/" + pod + " " + branch.PrivateIp, StringComparison.Ordinal));
        Assert.Contains($"VLAN {branch.VlanId}", asked, StringComparison.Ordinal);
        Assert.Contains($"table {branch.VlanId + 100}", asked, StringComparison.Ordinal);
        Assert.Equal(before, node.NodeState(), StateComparer.Instance);
        using (var podNs = node.Namespaces.Open(netns))
        {
            Assert.Null(podNs.FindLinkByName("eth0"));
        }

        Assert.Empty(await new IntrospectionClient("unix:" + introspection).GetPodsAsync(CancellationToken.None));
    }
}
