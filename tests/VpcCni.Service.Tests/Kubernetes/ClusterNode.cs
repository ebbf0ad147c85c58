using Microsoft.Extensions.DependencyInjection;
using VpcCni.Engine.Configuration;
using VpcCni.Service.Tests.Node.Support;
using VpcCni.Simulator.Hosting;
using VpcCni.Simulator.Kubernetes;

namespace VpcCni.Service.Tests.Kubernetes;

/// <summary>
/// A node-service host that reads its cluster from the loopback Kubernetes API server through a
/// kubeconfig, against the EC2/IMDS simulator: everything real but the host network.
/// </summary>
internal sealed class ClusterNode : IAsyncDisposable
{
    public const string NodeName = "ip-10-0-0-10.us-west-2.compute.internal";

    private ClusterNode(SimulatorServer sim, KubernetesApiServer api, TempDirectory directory, NodeHarness node)
    {
        Sim = sim;
        Api = api;
        Directory = directory;
        Node = node;
    }

    public SimulatorServer Sim { get; }

    public KubernetesApiServer Api { get; }

    public TempDirectory Directory { get; }

    public NodeHarness Node { get; }

    public VpcCniSettings Settings => Node.App.Services.GetRequiredService<VpcCniSettingsMonitor>().CurrentValue;

    /// <summary>Loads <paramref name="manifests"/> into a fresh API server, then starts the node with <paramref name="settings"/> on top of the kubeconfig and node name.</summary>
    public static async Task<ClusterNode> StartAsync(string manifests, IDictionary<string, string?>? settings = null)
    {
        var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Scenario = SubnetScenario.Create() }, CancellationToken.None);
        var api = await KubernetesApiServer.StartAsync(new KubernetesApiServerOptions(), CancellationToken.None);
        var directory = new TempDirectory();
        try
        {
            api.LoadYaml(manifests);
            var configuration = new Dictionary<string, string?>
            {
                ["Kubernetes:Kubeconfig"] = api.WriteKubeconfig(Path.Combine(directory.Path, "kubeconfig")),
                ["Kubernetes:MinimumBackoff"] = "00:00:00.050",
                ["Kubernetes:MaximumBackoff"] = "00:00:00.200",
                ["MY_NODE_NAME"] = NodeName,
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                configuration[key] = value;
            }

            return new ClusterNode(sim, api, directory, await NodeHarness.StartAsync(sim, directory, configuration));
        }
        catch
        {
            await api.DisposeAsync();
            await sim.DisposeAsync();
            directory.Dispose();
            throw;
        }
    }

    /// <summary>The Node object of this node with <paramref name="labels"/> and <paramref name="annotations"/> (YAML flow mappings).</summary>
    public static string NodeManifest(string labels, string annotations = "{}") => $"""
        apiVersion: v1
        kind: Node
        metadata:
          name: {NodeName}
          labels: {labels}
          annotations: {annotations}
        status:
          capacity: {"{"}pods: "29"{"}"}
        ---

        """;

    /// <summary>An ENIConfig as the guide writes it.</summary>
    public static string EniConfigManifest(string name, string subnet, params string[] groups) => $"""
        apiVersion: crd.k8s.amazonaws.com/v1alpha1
        kind: ENIConfig
        metadata:
          name: {name}
        spec:
          subnet: {subnet}
          securityGroups: [{string.Join(", ", groups)}]
        ---

        """;

    /// <summary>The <c>kube-system/amazon-vpc-cni</c> ConfigMap with <paramref name="data"/> (YAML lines, indented by two).</summary>
    public static string ConfigMapManifest(params string[] data) => $"""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: amazon-vpc-cni
          namespace: kube-system
        data:
        {string.Concat(data.Select(d => "  " + d + "\n"))}---

        """;

    public async ValueTask DisposeAsync()
    {
        await Node.DisposeAsync();
        await Api.DisposeAsync();
        await Sim.DisposeAsync();
        Directory.Dispose();
    }
}
