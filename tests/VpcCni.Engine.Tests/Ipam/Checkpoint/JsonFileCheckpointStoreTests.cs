using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Checkpoint;

namespace VpcCni.Engine.Tests.Ipam.Checkpoint;

public sealed partial class JsonFileCheckpointStoreTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("vpccni-checkpoint-");

    private string FilePath => Path.Combine(_dir.FullName, "ipam.json");

    private static IpamCheckpoint OneAllocation(string container, string ip) => new()
    {
        Allocations =
        [
            new CheckpointAllocation
            {
                NetworkName = "aws-cni",
                ContainerId = container,
                InterfaceName = "eth0",
                Ipv4 = ip,
                AllocationTimestamp = 1_700_000_000_123_456_700,
                Metadata = new CheckpointMetadata { PodNamespace = "default", PodName = "web" },
            },
        ],
    };

    [Fact]
    public async Task WritesTheUpstreamVpcCniIpamV1LayoutEndingInANewlineAsGoEncoderDoes()
    {
        await new JsonFileCheckpointStore(FilePath).WriteAsync(OneAllocation("c1", "10.0.0.5"), CancellationToken.None);

        Assert.Equal(
            """{"version":"vpc-cni-ipam/1","allocations":[{"networkName":"aws-cni","containerID":"c1","ifName":"eth0","ipv4":"10.0.0.5","allocationTimestamp":1700000000123456700,"metadata":{"k8sPodNamespace":"default","k8sPodName":"web"}}]}""" + "\n",
            await File.ReadAllTextAsync(FilePath));
    }

    [Fact]
    public async Task ReadsACheckpointWrittenByTheGoDaemon()
    {
        await File.WriteAllTextAsync(FilePath,
            """{"version":"vpc-cni-ipam/1","allocations":[{"networkName":"aws-cni","containerID":"abc","ifName":"eth0","ipv4":"192.168.1.10","allocationTimestamp":1712345678901234567,"metadata":{"k8sPodNamespace":"kube-system","k8sPodName":"coredns-1","interfacesCount":1}},{"networkName":"aws-cni","containerID":"old","ifName":"eth0","ipv4":"192.168.1.11","allocationTimestamp":0,"metadata":{}}]}""");

        var checkpoint = await new JsonFileCheckpointStore(FilePath).ReadAsync(CancellationToken.None);

        Assert.Equal(IpamCheckpoint.CurrentVersion, checkpoint!.Version);
        Assert.Equal(2, checkpoint.Allocations.Count);
        var first = checkpoint.Allocations[0];
        Assert.Equal((new IpamKey("aws-cni", "abc", "eth0"), "192.168.1.10", 1712345678901234567L), (first.Key, first.Ipv4, first.AllocationTimestamp));
        Assert.Equal(new IpamMetadata("kube-system", "coredns-1", 1), first.Metadata.ToIpamMetadata());
        Assert.Equal(IpamMetadata.None, checkpoint.Allocations[1].Metadata.ToIpamMetadata());
    }

    [Fact]
    public async Task MissingFileReadsAsAFreshNode()
    {
        Assert.Null(await new JsonFileCheckpointStore(Path.Combine(_dir.FullName, "no", "such.json")).ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task CorruptFileIsReportedWithItsPath()
    {
        await File.WriteAllTextAsync(FilePath, "{\"version\":\"vpc-cni-ipam/1\",\"allocations\":[{");

        var error = await Assert.ThrowsAsync<VpcCniException>(() => new JsonFileCheckpointStore(FilePath).ReadAsync(CancellationToken.None));

        Assert.Equal(ErrorIds.Checkpoint.ReadFailed, error.ErrorId);
        Assert.Contains(FilePath, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task NewContentIsSyncedToTheTemporaryFileWhileTheOldFileIsStillInPlace()
    {
        await new JsonFileCheckpointStore(FilePath).WriteAsync(OneAllocation("c1", "10.0.0.1"), CancellationToken.None);
        var old = await File.ReadAllTextAsync(FilePath);
        string? seenTemporary = null, seenTarget = null;
        var store = new JsonFileCheckpointStore(FilePath, temporary =>
        {
            seenTemporary = File.ReadAllText(temporary);
            seenTarget = File.ReadAllText(FilePath);
        });

        await store.WriteAsync(OneAllocation("c2", "10.0.0.2"), CancellationToken.None);

        Assert.Equal(old, seenTarget);
        Assert.Contains("\"c2\"", seenTemporary, StringComparison.Ordinal);
        Assert.Equal(seenTemporary, await File.ReadAllTextAsync(FilePath));
        Assert.False(File.Exists(store.TemporaryPath));
    }

    [Fact]
    public async Task WriteInterruptedBeforeTheRenameLeavesThePreviousCheckpointIntactAndReadable()
    {
        await new JsonFileCheckpointStore(FilePath).WriteAsync(OneAllocation("c1", "10.0.0.1"), CancellationToken.None);
        var before = await File.ReadAllBytesAsync(FilePath);
        var crashing = new JsonFileCheckpointStore(FilePath, _ => throw new IOException("simulated crash between fsync and rename"));

        await Assert.ThrowsAsync<IOException>(() => crashing.WriteAsync(OneAllocation("c2", "10.0.0.2"), CancellationToken.None));

        Assert.Equal(before, await File.ReadAllBytesAsync(FilePath));
        var survivor = await new JsonFileCheckpointStore(FilePath).ReadAsync(CancellationToken.None);
        Assert.Equal("c1", Assert.Single(survivor!.Allocations).ContainerId);
    }

    [Fact]
    public async Task TemporaryFileLeftByACrashDisturbsNeitherReadNorTheNextWrite()
    {
        var store = new JsonFileCheckpointStore(FilePath);
        await store.WriteAsync(OneAllocation("c1", "10.0.0.1"), CancellationToken.None);
        await File.WriteAllTextAsync(store.TemporaryPath, "{\"version\":\"vpc-cni-ipam/1\",\"alloc");

        Assert.Equal("c1", (await store.ReadAsync(CancellationToken.None))!.Allocations[0].ContainerId);

        await store.WriteAsync(OneAllocation("c3", "10.0.0.3"), CancellationToken.None);
        Assert.Equal("c3", (await store.ReadAsync(CancellationToken.None))!.Allocations[0].ContainerId);
        Assert.False(File.Exists(store.TemporaryPath));
    }

    [Fact]
    public async Task WriteCreatesTheDirectoryWhenMissing()
    {
        var nested = new JsonFileCheckpointStore(Path.Combine(_dir.FullName, "run", "aws-node", "ipam.json"));

        await nested.WriteAsync(new IpamCheckpoint(), CancellationToken.None);

        Assert.Empty((await nested.ReadAsync(CancellationToken.None))!.Allocations);
    }

    [Fact]
    public async Task TheDefaultDurableWriteWritesTheSameBytesAsAnAtomicOne()
    {
        var atomicPath = Path.Combine(_dir.FullName, "atomic.json");
        var atomic = new JsonFileCheckpointStore(atomicPath, CheckpointDurability.Atomic);
        var durable = new JsonFileCheckpointStore(FilePath);

        await atomic.WriteAsync(OneAllocation("c1", "10.0.0.1"), CancellationToken.None);
        await durable.WriteAsync(OneAllocation("c1", "10.0.0.1"), CancellationToken.None);

        Assert.Equal(CheckpointDurability.Durable, durable.Durability);
        Assert.Equal(await File.ReadAllBytesAsync(atomicPath), await File.ReadAllBytesAsync(FilePath));
        Assert.False(File.Exists(durable.TemporaryPath));
    }

    [Fact]
    public async Task AShorterDocumentAfterALongerOneLeavesNothingOfTheLongerOne()
    {
        var store = new JsonFileCheckpointStore(FilePath);
        var two = OneAllocation("c1", "10.0.0.1") with
        {
            Allocations = [.. OneAllocation("c1", "10.0.0.1").Allocations, .. OneAllocation("c2-with-a-longer-container-id", "10.0.0.2").Allocations],
        };
        await store.WriteAsync(two, CancellationToken.None);

        await store.WriteAsync(OneAllocation("c3", "10.0.0.3"), CancellationToken.None);

        var text = await File.ReadAllTextAsync(FilePath);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("c2-with", text, StringComparison.Ordinal);
        Assert.Equal("c3", Assert.Single((await store.ReadAsync(CancellationToken.None))!.Allocations).ContainerId);
    }

    [Fact]
    public void AnUndefinedDurabilityIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new JsonFileCheckpointStore(FilePath, (CheckpointDurability)7));

    public void Dispose() => _dir.Delete(recursive: true);
}
