extern alias KubernetesClientFull;

using KubernetesClientFull::k8s.Models;
using VpcCni.Engine.Configuration;
using static VpcCni.Engine.Tests.Manifests.PackagingManifests;

namespace VpcCni.Engine.Tests.Manifests;

/// <summary>The DaemonSet of <c>packaging/kubernetes/daemonset.yaml</c>: what runs where, with which paths, probes, resources and privileges.</summary>
public class DaemonSetManifestTests
{
    // Upstream's hostPath volumes of the aws-node pod (upstream config/master/aws-k8s-cni.yaml), without the dockershim socket.
    private static readonly string[] HostPaths = ["/etc/cni/net.d", "/opt/cni/bin", "/run/xtables.lock", "/var/log/aws-routed-eni", "/var/run/aws-node"];

    private static V1PodSpec Pod => DaemonSet.Spec.Template.Spec;

    private static V1Container Node => Assert.Single(Pod.Containers);

    [Fact]
    public void ItRunsOnTheHostNetworkAsANodeCriticalPodOnEveryLinuxAmd64Node()
    {
        Assert.Equal(("aws-node", "kube-system"), (DaemonSet.Metadata.Name, DaemonSet.Metadata.NamespaceProperty));
        Assert.True(Pod.HostNetwork);
        Assert.Equal("system-node-critical", Pod.PriorityClassName);
        Assert.Equal("Exists", Assert.Single(Pod.Tolerations).OperatorProperty);
        var terms = Assert.Single(Pod.Affinity.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution.NodeSelectorTerms).MatchExpressions;
        Assert.Contains(terms, t => t.Key == "kubernetes.io/os" && t.OperatorProperty == "In" && t.Values.SequenceEqual(["linux"]));
        Assert.Contains(terms, t => t.Key == "kubernetes.io/arch" && t.OperatorProperty == "In" && t.Values.SequenceEqual(["amd64"]));
    }

    [Fact]
    public void ItsSelectorSelectsItsOwnPods()
    {
        var labels = DaemonSet.Spec.Template.Metadata.Labels;

        Assert.NotEmpty(DaemonSet.Spec.Selector.MatchLabels);
        Assert.All(DaemonSet.Spec.Selector.MatchLabels, pair => Assert.Equal(pair.Value, labels[pair.Key]));
    }

    [Fact]
    public void EveryMountNamesAVolumeAndEveryVolumeIsMountedAndIsOneOfUpstreamsHostPaths()
    {
        var volumes = Pod.Volumes.ToDictionary(v => v.Name, v => v.HostPath.Path);
        var mounts = Pod.InitContainers.Concat(Pod.Containers).SelectMany(c => c.VolumeMounts).ToList();

        Assert.All(mounts, m => Assert.True(volumes.ContainsKey(m.Name), $"mount {m.MountPath} names no volume '{m.Name}'"));
        Assert.All(volumes.Keys, v => Assert.Contains(mounts, m => m.Name == v));
        Assert.Equal(HostPaths, volumes.Values.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void HostDirectoriesAppearUnderHostExceptTheRunDirectoryWhoseSocketPathTheConflistNames()
    {
        var volumes = Pod.Volumes.ToDictionary(v => v.Name, v => v.HostPath.Path);
        foreach (var mount in Pod.InitContainers.Concat(Pod.Containers).SelectMany(c => c.VolumeMounts))
        {
            var host = volumes[mount.Name];
            var expected = host is "/var/run/aws-node" or "/run/xtables.lock" ? host : "/host" + host;
            Assert.Equal(expected, mount.MountPath);
        }

        var confDir = Node.Env.Single(e => e.Name == VpcCniVariableNames.HostCniConfDirPath).Value;
        Assert.Contains(Node.VolumeMounts, m => m.MountPath == confDir);
    }

    [Fact]
    public void TheInitContainerCopiesThePluginIntoTheHostsCniBinDirectory()
    {
        var init = Assert.Single(Pod.InitContainers);
        var script = string.Join(' ', init.Command);

        Assert.Contains("vpc-cni", script, StringComparison.Ordinal);
        Assert.Contains("mv -f", script, StringComparison.Ordinal);
        Assert.Equal("/host/opt/cni/bin", Assert.Single(init.VolumeMounts).MountPath);
        Assert.DoesNotContain(Node.VolumeMounts, m => m.Name == init.VolumeMounts[0].Name);
    }

    [Fact]
    public void TheProbesAskHealthzAndReadyzOnThePortIntrospectionListensOn()
    {
        var bind = Node.Env.Single(e => e.Name == VpcCniVariableNames.IntrospectionBindAddress).Value;
        var port = int.Parse(bind[(bind.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(("/healthz", port.ToString(System.Globalization.CultureInfo.InvariantCulture)), (Node.LivenessProbe.HttpGet.Path, Node.LivenessProbe.HttpGet.Port.Value));
        Assert.Equal(("/readyz", port.ToString(System.Globalization.CultureInfo.InvariantCulture)), (Node.ReadinessProbe.HttpGet.Path, Node.ReadinessProbe.HttpGet.Port.Value));
        Assert.Equal(61679, port);
        Assert.StartsWith("$(HOST_IP)", bind, StringComparison.Ordinal);
        Assert.Equal("status.hostIP", Node.Env.Single(e => e.Name == "HOST_IP").ValueFrom.FieldRef.FieldPath);
        Assert.Contains(Node.Ports, p => p.Name == "metrics" && p.ContainerPort == 61678);
    }

    [Fact]
    public void EveryVariableItSetsIsOneTheNodeKnowsAndTheNodeNameComesFromTheApi()
    {
        var names = Node.Env.Select(e => e.Name).Where(n => n != "HOST_IP");

        Assert.All(names, n => Assert.True(ConfigurationVariables.TryGetByName(n, out _), n));
        Assert.Equal("spec.nodeName", Node.Env.Single(e => e.Name == VpcCniVariableNames.NodeName).ValueFrom.FieldRef.FieldPath);
    }

    [Fact]
    public void ItRequestsNoMoreThanUpstreamsQuarterOfATenthOfACore()
    {
        foreach (var container in Pod.InitContainers.Concat(Pod.Containers))
        {
            Assert.Equal("25m", container.Resources.Requests["cpu"].ToString());
            Assert.Equal(["cpu"], container.Resources.Requests.Keys);
        }
    }

    [Fact]
    public void OnlyTheNodeContainerIsPrivilegedAndItAddsTheNetworkCapabilities()
    {
        Assert.Null(Assert.Single(Pod.InitContainers).SecurityContext?.Privileged);
        Assert.True(Node.SecurityContext.Privileged);
        Assert.Equal(["NET_ADMIN", "NET_RAW"], Node.SecurityContext.Capabilities.Add);
    }
}
