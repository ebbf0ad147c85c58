using System.Runtime.Versioning;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Checkpoint;

namespace VpcCni.Engine.Tests.Ipam.Checkpoint;

/// <summary>
/// What upstream's reader (Go <c>encoding/json</c> <c>Decoder.Decode</c>) accepts and how its writer
/// (<c>os.CreateTemp</c>, mode 0600) leaves the file; see docs/ipam.md "The checkpoint".
/// </summary>
public sealed partial class JsonFileCheckpointStoreTests
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task KeysMatchCaseInsensitivelyAsGoDecoderDoes()
    {
        await File.WriteAllTextAsync(FilePath,
            """{"Version":"vpc-cni-ipam/1","ALLOCATIONS":[{"NetworkName":"aws-cni","containerId":"abc","IfName":"eth0","IPv4":"10.0.0.9","AllocationTimestamp":5,"Metadata":{"K8SPodNamespace":"ns","K8SPodName":"p"}}]}""");

        var checkpoint = await new JsonFileCheckpointStore(FilePath).ReadAsync(CancellationToken.None);

        var entry = Assert.Single(checkpoint!.Allocations);
        Assert.Equal((new IpamKey("aws-cni", "abc", "eth0"), "10.0.0.9", 5L), (entry.Key, entry.Ipv4, entry.AllocationTimestamp));
        Assert.Equal(("ns", "p"), (entry.Metadata.PodNamespace, entry.Metadata.PodName));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\n{\"version\":\"other\"}")]
    [InlineData("garbage that is not JSON")]
    public async Task BytesAfterTheDocumentAreIgnoredAsGoDecoderDoes(string trailer)
    {
        await File.WriteAllTextAsync(FilePath, """{"version":"vpc-cni-ipam/1","allocations":[]}""" + trailer);

        var checkpoint = await new JsonFileCheckpointStore(FilePath).ReadAsync(CancellationToken.None);

        Assert.Equal((IpamCheckpoint.CurrentVersion, 0), (checkpoint!.Version, checkpoint.Allocations.Count));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task CheckpointAndItsTemporaryFileAreReadableByTheOwnerOnly()
    {
        var store = new JsonFileCheckpointStore(FilePath, temporary => SeenTemporaryMode = File.GetUnixFileMode(temporary));
        await File.WriteAllTextAsync(store.TemporaryPath, "left over by a crash");
        File.SetUnixFileMode(store.TemporaryPath, OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await store.WriteAsync(OneAllocation("c1", "10.0.0.1"), CancellationToken.None);

        Assert.Equal(OwnerReadWrite, SeenTemporaryMode);
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(FilePath));
    }

    private UnixFileMode? SeenTemporaryMode { get; set; }
}
