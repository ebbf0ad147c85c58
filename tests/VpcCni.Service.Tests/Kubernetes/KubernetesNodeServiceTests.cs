using VpcCni.Engine.Aws;
using VpcCni.Service.Tests.Node.Support;
using VpcCni.Service.Tests.Support;

namespace VpcCni.Service.Tests.Kubernetes;

/// <summary>
/// The node service reading its cluster through the Kubernetes API (the loopback API server): the
/// guide's ConfigMap, ENIConfig custom networking chosen by the Node's label or annotation, live
/// ConfigMap changes, and an API outage the node rides out.
/// </summary>
public sealed class KubernetesNodeServiceTests
{
    [Fact]
    public async Task TheGuidesConfigMapAppliesAndTheZoneLabelPicksTheEniConfigWhoseSubnetAndGroupsNewEnisGet()
    {
        var cluster = ClusterNode.NodeManifest("{failure-domain.beta.kubernetes.io/zone: us-west-2a}")
            + ClusterNode.EniConfigManifest("us-west-2a", SubnetScenario.Untagged, SubnetScenario.PodsGroup)
            + ClusterNode.EniConfigManifest("default", SubnetScenario.Tagged)
            + ClusterNode.ConfigMapManifest(
                "warm-ip-target: \"3\"",
                "minimum-ip-target: \"4\"",
                "enable-prefix-delegation: \"false\"",
                "eni-config-label-def: failure-domain.beta.kubernetes.io/zone");
        await using var node = await ClusterNode.StartAsync(cluster, new Dictionary<string, string?> { ["AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG"] = "true" });

        await NodeHarness.EventuallyAsync(() => node.Node.CidrsPerEni is [0, >= 4], "a second ENI with the minimum of 4 addresses and none on the primary");

        Assert.Equal((3, 4, false), (node.Settings.Ipam.WarmIpTarget, node.Settings.Ipam.MinimumIpTarget, node.Settings.Ipam.EnablePrefixDelegation));
        Assert.Equal("failure-domain.beta.kubernetes.io/zone", node.Settings.CustomNetworking.EniConfigLabelDef);
        var created = await CreatedEnisAsync(node);
        Assert.All(created, e => Assert.Equal((SubnetScenario.Untagged, SubnetScenario.PodsGroup), (e.SubnetId, Assert.Single(e.SecurityGroupIds))));
    }

    [Fact]
    public async Task TheNodesEniConfigAnnotationWinsOverItsZoneLabel()
    {
        var cluster = ClusterNode.NodeManifest("{topology.kubernetes.io/zone: us-west-2a}", "{k8s.amazonaws.com/eniConfig: pods-b}")
            + ClusterNode.EniConfigManifest("us-west-2a", SubnetScenario.Tagged)
            + ClusterNode.EniConfigManifest("pods-b", SubnetScenario.Untagged, SubnetScenario.PodsGroup);
        await using var node = await ClusterNode.StartAsync(cluster, new Dictionary<string, string?>
        {
            ["AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG"] = "true",
            ["ENI_CONFIG_LABEL_DEF"] = "topology.kubernetes.io/zone",
        });

        await NodeHarness.EventuallyAsync(() => node.Node.CidrsPerEni is [0, > 0], "a second ENI and none on the primary");

        var created = Assert.Single(await CreatedEnisAsync(node));
        Assert.Equal((SubnetScenario.Untagged, SubnetScenario.PodsGroup), (created.SubnetId, Assert.Single(created.SecurityGroupIds)));
    }

    [Fact]
    public async Task AChangedWarmIpTargetInTheConfigMapResizesThePoolWithoutARestart()
    {
        await using var node = await ClusterNode.StartAsync(ClusterNode.NodeManifest("{}") + ClusterNode.ConfigMapManifest("warm-ip-target: \"2\""));
        await NodeHarness.EventuallyAsync(() => node.Node.CidrsPerEni.Sum() == 2, "two warm addresses");

        node.Api.LoadYaml(ClusterNode.ConfigMapManifest("warm-ip-target: \"5\""));

        await NodeHarness.EventuallyAsync(() => node.Node.CidrsPerEni.Sum() == 5, "five warm addresses after the edit");
        Assert.Equal(5, node.Settings.Ipam.WarmIpTarget);
    }

    [Fact]
    public async Task TheNodesPodCapacityCapsThePoolAndARaisedCapacityLetsItGrowWithoutARestart()
    {
        await using var node = await ClusterNode.StartAsync(
            ClusterNode.NodeManifest("{}").Replace("pods: \"29\"", "pods: \"4\"", StringComparison.Ordinal) + ClusterNode.ConfigMapManifest("warm-ip-target: \"7\""));
        await NodeHarness.EventuallyAsync(() => node.Node.CidrsPerEni.Sum() == 4, "the pool stops at the kubelet's 4 pods");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(4, node.Node.CidrsPerEni.Sum());

        node.Api.LoadYaml(ClusterNode.NodeManifest("{}"));

        await NodeHarness.EventuallyAsync(() => node.Node.CidrsPerEni.Sum() == 7, "seven warm addresses once the capacity is 29");
    }

    [Fact]
    public async Task DuringAnApiOutageThePodsAreServedReadinessSaysWhyAndAfterItTheConfigMapEditMadeMeanwhileApplies()
    {
        await using var node = await ClusterNode.StartAsync(ClusterNode.NodeManifest("{}") + ClusterNode.ConfigMapManifest("warm-ip-target: \"2\""));
        await NodeHarness.EventuallyAsync(() => node.Node.CidrsPerEni.Sum() == 2, "two warm addresses");

        node.Api.SetReachable(false);
        await NodeHarness.EventuallyAsync(() => node.Node.Readiness.Degradation is not null, "readiness notes the outage");
        var reply = await node.Node.Cni.AddNetworkAsync(ServiceHarness.AddRequest("pod-1"));
        var (ready, reason) = node.Node.Readiness.Check();
        node.Api.LoadYaml(ClusterNode.ConfigMapManifest("warm-ip-target: \"6\""));

        Assert.True(reply.Success);
        Assert.True(ready);
        Assert.Contains("Kubernetes API unreachable since", reason, StringComparison.Ordinal);
        Assert.Equal(2, node.Settings.Ipam.WarmIpTarget);

        node.Api.SetReachable(true);
        await NodeHarness.EventuallyAsync(() => node.Settings.Ipam.WarmIpTarget == 6 && node.Node.Readiness.Degradation is null, "the edit applies once the API answers");
        await NodeHarness.EventuallyAsync(() => node.Node.CidrsPerEni.Sum() == 7, "six warm addresses beside the pod's");
    }

    private static async Task<Ec2NetworkInterface[]> CreatedEnisAsync(ClusterNode node)
    {
        var (ec2, client) = NodeHarness.Ec2(node.Sim);
        using var _ = client;
        return [.. (await ec2.DescribeNetworkInterfacesAsync(Ec2DescribeQuery.All, default)).Where(e => e.Attachment?.DeviceIndex > 0)];
    }
}
