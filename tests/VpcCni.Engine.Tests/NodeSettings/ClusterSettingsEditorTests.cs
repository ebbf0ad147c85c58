using System.Text.Json.Nodes;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Manifests;
using VpcCni.Engine.NodeSettings;
using VpcCni.Simulator.Kubernetes;

namespace VpcCni.Engine.Tests.NodeSettings;

/// <summary><see cref="ClusterSettingsEditor"/> against the simulator's loopback Kubernetes API server, through a kubeconfig it wrote.</summary>
public sealed class ClusterSettingsEditorTests : IAsyncLifetime
{
    private const string Namespace = ClusterSettingsEditor.DefaultNamespace;
    private const string Name = ClusterSettingsEditor.DefaultName;
    private readonly TempDirectory _dir = new();
    private KubernetesApiServer _server = null!;
    private KubernetesObjectClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await KubernetesApiServer.StartAsync(null, CancellationToken.None);
        _client = ClusterSettingsEditor.Connect(_server.WriteKubeconfig(Path.Combine(_dir.Path, "kubeconfig")), null);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task AMissingConfigMapIsCreatedHoldingTheBoundKey()
    {
        var change = await new ClusterSettingsEditor(_client).ApplyAsync(Changes(("WARM_IP_TARGET", "12")), CancellationToken.None);

        Assert.Equal(new Dictionary<string, string> { ["warm-ip-target"] = "12" }, Data());
        Assert.True(change.Written);
        Assert.Equal([new VariableChange("WARM_IP_TARGET", null, "12", AppliesLive: true, ConfigMapKey: "warm-ip-target")], change.Changes);
        Assert.Equal(12, change.Settings.Ipam.WarmIpTarget);
        Assert.Null(change.EnvironmentFile);
        Assert.Equal($"ConfigMap kube-system/amazon-vpc-cni at {_server.Endpoint}", change.Location);
    }

    [Fact]
    public async Task OnlyTheBoundKeysChangeAndOtherKeysLabelsAndAnnotationsStay()
    {
        Seed(("warm-ip-target", "5"), ("enable-network-policy-controller", "true"), ("aws-vpc-k8s-cni-loglevel", "info"));

        var change = await new ClusterSettingsEditor(_client).ApplyAsync(Changes(("WARM_IP_TARGET", "12"), ("minimum-ip-target", "20")), CancellationToken.None);

        Assert.Equal(
            new Dictionary<string, string> { ["warm-ip-target"] = "12", ["enable-network-policy-controller"] = "true", ["aws-vpc-k8s-cni-loglevel"] = "info", ["minimum-ip-target"] = "20" },
            Data());
        var metadata = Stored()["metadata"]!;
        Assert.Equal("aws-node", (string?)metadata["labels"]!["app.kubernetes.io/name"]);
        Assert.Equal("kept", (string?)metadata["annotations"]!["note"]);
        Assert.Equal("warm-ip-target=12 (WARM_IP_TARGET), minimum-ip-target=20 (MINIMUM_IP_TARGET)", change.Describe());
    }

    [Fact]
    public async Task ACombinationTheNodeWouldRejectIsRefusedNamingKeyAndVariableAndNothingIsWritten()
    {
        Seed(("enable-prefix-delegation", "true"), ("warm-prefix-target", "1"));
        var version = Version();

        var error = await Assert.ThrowsAsync<InvalidConfigurationException>(() =>
            new ClusterSettingsEditor(_client).ApplyAsync(Changes(("WARM_PREFIX_TARGET", "0")), CancellationToken.None));

        Assert.Equal(ErrorIds.Config.InvalidConfiguration, error.ErrorId);
        Assert.Contains("ENABLE_PREFIX_DELEGATION (ConfigMap key 'enable-prefix-delegation')", error.Message, StringComparison.Ordinal);
        Assert.Contains("WARM_PREFIX_TARGET", error.Message, StringComparison.Ordinal);
        Assert.Equal(version, Version());
        Assert.Equal("1", Data()["warm-prefix-target"]);
    }

    [Fact]
    public async Task AnEmptyValueRemovesEveryKeyOfTheVariableIncludingTheGuidesAlias()
    {
        Seed(("warm-ip-target", "5"), ("enable-custom-networking", "true"), ("max-eni", "3"));

        var change = await new ClusterSettingsEditor(_client).ApplyAsync(
            Changes(("WARM_IP_TARGET", null), ("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG", "")), CancellationToken.None);

        Assert.Equal(new Dictionary<string, string> { ["max-eni"] = "3" }, Data());
        Assert.Equal(["WARM_IP_TARGET", "AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG"], change.Changes.Select(c => c.Name));
        Assert.Equal(["AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG"], change.RestartRequired);
    }

    [Fact]
    public async Task AVariableHeldUnderTheAliasKeyKeepsThatKey()
    {
        Seed(("enable-custom-networking", "false"));

        await new ClusterSettingsEditor(_client).ApplyAsync(Changes(("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG", "true")), CancellationToken.None);

        Assert.Equal(new Dictionary<string, string> { ["enable-custom-networking"] = "true" }, Data());
    }

    [Fact]
    public async Task AConflictIsRetriedOnceAfterReadingAgainAndTheOtherWritersKeyIsKept()
    {
        Seed(("warm-ip-target", "5"));
        var interruptions = 0;
        var editor = new ClusterSettingsEditor(_client)
        {
            AfterRead = _ =>
            {
                if (interruptions++ == 0)
                {
                    Seed(("warm-ip-target", "5"), ("aws-vpc-k8s-cni-loglevel", "warn"));
                }

                return Task.CompletedTask;
            },
        };

        var change = await editor.ApplyAsync(Changes(("WARM_IP_TARGET", "12")), CancellationToken.None);

        Assert.Equal(2, interruptions);
        Assert.True(change.Written);
        Assert.Equal(new Dictionary<string, string> { ["warm-ip-target"] = "12", ["aws-vpc-k8s-cni-loglevel"] = "warn" }, Data());
    }

    [Fact]
    public async Task TwoConflictsInARowFailWithClusterSettingsConflictAndTheEditIsNotWritten()
    {
        Seed(("warm-ip-target", "5"));
        var editor = new ClusterSettingsEditor(_client)
        {
            AfterRead = _ =>
            {
                Seed(("warm-ip-target", "6"));
                return Task.CompletedTask;
            },
        };

        var error = await Assert.ThrowsAsync<VpcCniException>(() => editor.ApplyAsync(Changes(("WARM_IP_TARGET", "12")), CancellationToken.None));

        Assert.Equal(ErrorIds.ClusterSettings.Conflict, error.ErrorId);
        Assert.Equal("6", Data()["warm-ip-target"]);
    }

    [Fact]
    public async Task APreviewReportsTheChangeAndWritesNothing()
    {
        var change = await new ClusterSettingsEditor(_client).PreviewAsync(Changes(("ENABLE_PREFIX_DELEGATION", "true")), CancellationToken.None);

        Assert.False(change.Written);
        Assert.Equal(["ENABLE_PREFIX_DELEGATION"], change.RestartRequired);
        Assert.Throws<KubeApiException>(Stored);
    }

    [Fact]
    public async Task AnEditThatChangesNothingDoesNotWrite()
    {
        Seed(("warm-ip-target", "5"));
        var version = Version();

        var change = await new ClusterSettingsEditor(_client).ApplyAsync(Changes(("warm_ip_target", "5"), ("MAX_ENI", null)), CancellationToken.None);

        Assert.False(change.Written);
        Assert.Empty(change.Changes);
        Assert.Equal(version, Version());
    }

    [Theory]
    [InlineData("MY_NODE_NAME", "ip-10-0-0-1.ec2.internal", ErrorIds.ClusterSettings.NodeOnlyVariable)]
    [InlineData("my-pod-name", "aws-node-abcde", ErrorIds.ClusterSettings.NodeOnlyVariable)]
    [InlineData("WARM_IP_TARGETS", "3", ErrorIds.NodeSettings.UnknownVariable)]
    public async Task ANodeOnlyOrUnknownVariableIsRefusedByIdAndNothingIsCreated(string name, string value, string errorId)
    {
        var error = await Assert.ThrowsAsync<VpcCniException>(() =>
            new ClusterSettingsEditor(_client).ApplyAsync(Changes((name, value)), CancellationToken.None));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Throws<KubeApiException>(Stored);
    }

    [Fact]
    public async Task AnUnreachableApiServerIsClusterSettingsRequestFailed()
    {
        _server.SetReachable(false);

        var error = await Assert.ThrowsAsync<VpcCniException>(() =>
            new ClusterSettingsEditor(_client).PreviewAsync(Changes(("WARM_IP_TARGET", "3")), CancellationToken.None));

        Assert.Equal(ErrorIds.ClusterSettings.RequestFailed, error.ErrorId);
    }

    private static Dictionary<string, string?> Changes(params (string Name, string? Value)[] changes) =>
        changes.ToDictionary(c => c.Name, c => c.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>Writes the ConfigMap as another client would (kubectl apply), with a label and an annotation the editor must keep.</summary>
    private void Seed(params (string Key, string Value)[] data) =>
        _server.Store.Upsert(KubeResourceCatalog.ConfigMaps, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject
            {
                ["name"] = Name,
                ["namespace"] = Namespace,
                ["labels"] = new JsonObject { ["app.kubernetes.io/name"] = "aws-node" },
                ["annotations"] = new JsonObject { ["note"] = "kept" },
            },
            ["data"] = new JsonObject(data.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value))),
        });

    private JsonObject Stored() => _server.Store.Get(KubeResourceCatalog.ConfigMaps, Namespace, Name);

    private string? Version() => (string?)Stored()["metadata"]!["resourceVersion"];

    private Dictionary<string, string> Data() =>
        Stored()["data"]!.AsObject().ToDictionary(e => e.Key, e => (string)e.Value!);
}
