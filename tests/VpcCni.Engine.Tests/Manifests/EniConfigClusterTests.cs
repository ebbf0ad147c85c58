using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam.Placement;
using VpcCni.Engine.Manifests;
using VpcCni.Simulator.Kubernetes;

namespace VpcCni.Engine.Tests.Manifests;

/// <summary><see cref="EniConfigCluster"/> against the simulator's loopback Kubernetes API server, through a kubeconfig it wrote.</summary>
public sealed class EniConfigClusterTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private KubernetesApiServer _server = null!;
    private KubernetesObjectClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await KubernetesApiServer.StartAsync(null, CancellationToken.None);
        _server.LoadYaml(await File.ReadAllTextAsync(Path.Combine(RepositoryFiles.Root, "tests", "VpcCni.Engine.Tests", "Manifests", "UserGuide", "eniconfigs-per-zone.yaml")));
        _client = EniConfigCluster.Connect(_server.WriteKubeconfig(Path.Combine(_dir.Path, "kubeconfig")), null);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task TheClusterListsTheGuidesEniConfigsByName()
    {
        var configs = await new EniConfigCluster(_client).ListAsync(CancellationToken.None);

        Assert.Equal(["us-west-2a", "us-west-2b", "us-west-2c"], configs.Select(c => c.Name));
    }

    [Fact]
    public async Task ACreatedEniConfigReadsBackAndASecondCreateIsRefused()
    {
        var cluster = new EniConfigCluster(_client);
        var config = new EniConfig("eu-west-1a", "subnet-0aaaaaaaaaaaaaaaa", ["sg-0bbbbbbbbbbbbbbbb"]);

        await cluster.CreateAsync(config, CancellationToken.None);
        var error = await Assert.ThrowsAsync<VpcCniException>(() => cluster.CreateAsync(config, CancellationToken.None));

        Assert.Equal(config.SecurityGroups, (await cluster.GetAsync("eu-west-1a", CancellationToken.None)).SecurityGroups);
        Assert.Equal((ErrorIds.EniConfig.AlreadyExists, VpcCniErrorCategory.AlreadyExists), (error.ErrorId, error.Category));
    }

    [Fact]
    public async Task APatchChangesOnlyTheFieldsGiven()
    {
        var cluster = new EniConfigCluster(_client);

        var patched = await cluster.PatchAsync("us-west-2b", "subnet-0cccccccccccccccc", null, CancellationToken.None);

        Assert.Equal("subnet-0cccccccccccccccc", patched.Subnet);
        Assert.Equal(["sg-0123456789abcdef0", "sg-0fedcba9876543210"], patched.SecurityGroups);
    }

    [Fact]
    public async Task ADeletedEniConfigIsGoneAndDeletingItAgainIsNotFound()
    {
        var cluster = new EniConfigCluster(_client);

        await cluster.DeleteAsync("us-west-2c", CancellationToken.None);
        var again = await Assert.ThrowsAsync<VpcCniException>(() => cluster.DeleteAsync("us-west-2c", CancellationToken.None));
        var read = await Assert.ThrowsAsync<VpcCniException>(() => cluster.GetAsync("us-west-2c", CancellationToken.None));

        Assert.Equal(ErrorIds.EniConfig.NotFound, again.ErrorId);
        Assert.Equal(VpcCniErrorCategory.NotFound, read.Category);
    }

    [Fact]
    public async Task AnApiServerThatIsNotReachableIsClusterRequestFailed()
    {
        _server.SetReachable(false);

        var error = await Assert.ThrowsAsync<VpcCniException>(() => new EniConfigCluster(_client).ListAsync(CancellationToken.None));

        Assert.Equal(ErrorIds.EniConfig.ClusterRequestFailed, error.ErrorId);
    }

    [Fact]
    public void AKubeconfigContextThatDoesNotExistIsInvalidKubeconfig()
    {
        var error = Assert.Throws<VpcCniException>(() => EniConfigCluster.Connect(Path.Combine(_dir.Path, "kubeconfig"), "no-such-context"));

        Assert.Equal(ErrorIds.Kubernetes.InvalidKubeconfig, error.ErrorId);
        Assert.NotEmpty(KubeconfigContexts.Names(Path.Combine(_dir.Path, "kubeconfig")));
    }
}
