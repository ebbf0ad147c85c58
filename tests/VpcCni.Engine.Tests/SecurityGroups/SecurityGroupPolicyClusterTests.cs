using VpcCni.Engine.Errors;
using VpcCni.Engine.Manifests;
using VpcCni.Engine.SecurityGroups;
using VpcCni.Simulator.Kubernetes;

namespace VpcCni.Engine.Tests.SecurityGroups;

/// <summary><see cref="SecurityGroupPolicyCluster"/> against the simulator's loopback Kubernetes API server.</summary>
public sealed class SecurityGroupPolicyClusterTests : IAsyncLifetime
{
    private const string Objects = """
        apiVersion: v1
        kind: Pod
        metadata: {name: database-client-0, namespace: production, labels: {app: database-client, tier: backend}}
        spec: {serviceAccountName: payments-api, nodeName: ip-10-0-1-10, containers: [{name: app, image: app}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web-0, namespace: staging, labels: {app: database-client, tier: backend}}
        spec: {nodeName: ip-10-0-1-10, containers: [{name: app, image: app}]}
        """;

    private readonly TempDirectory _dir = new();
    private KubernetesApiServer _server = null!;
    private KubernetesObjectClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await KubernetesApiServer.StartAsync(null, CancellationToken.None);
        _server.LoadYaml(Objects);
        // The guide's file also holds the Deployment the policy is written for, a kind the loopback server does not serve.
        var guide = await File.ReadAllTextAsync(Path.Combine(RepositoryFiles.Root, "tests", "VpcCni.Engine.Tests", "Manifests", "UserGuide", "securitygrouppolicy-by-pod-labels.yaml"));
        _server.LoadYaml(guide.Split("\n---\n")[0]);
        _client = SecurityGroupPolicyCluster.Connect(_server.WriteKubeconfig(_dir.File("kubeconfig")), null);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task APodOfThePolicysNamespaceWithItsLabelsGetsItsGroups()
    {
        var evaluation = await new SecurityGroupPolicyCluster(_client).EvaluatePodAsync("production", "database-client-0", CancellationToken.None);

        Assert.Equal("payments-api", evaluation.Subject.ServiceAccountName);
        Assert.Equal(["sg-0123456789abcdef0", "sg-0fedcba9876543210"], evaluation.GroupIds);
        Assert.True(Assert.Single(evaluation.Matches).PodSelectorMatched);
    }

    [Fact]
    public async Task ThePolicyOfAnotherNamespaceDoesNotSelectAPodWithTheSameLabels()
    {
        var evaluation = await new SecurityGroupPolicyCluster(_client).EvaluatePodAsync("staging", "web-0", CancellationToken.None);

        Assert.Equal(SecurityGroupPolicySubject.DefaultServiceAccount, evaluation.Subject.ServiceAccountName);
        Assert.Empty(evaluation.Matches);
        Assert.Empty(evaluation.GroupIds);
    }

    [Fact]
    public async Task AMissingPodIsPodNotFound()
    {
        var error = await Assert.ThrowsAsync<VpcCniException>(() => new SecurityGroupPolicyCluster(_client).EvaluatePodAsync("production", "nobody", CancellationToken.None));

        Assert.Equal((ErrorIds.SecurityGroupPolicy.PodNotFound, VpcCniErrorCategory.NotFound), (error.ErrorId, error.Category));
    }
}
