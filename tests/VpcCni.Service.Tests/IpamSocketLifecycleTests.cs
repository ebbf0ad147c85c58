using System.Net.Sockets;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Rpc;
using VpcCni.Service.Tests.Support;

namespace VpcCni.Service.Tests;

public sealed class IpamSocketLifecycleTests
{
    private const UnixFileMode Mode0660 =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;

    private const UnixFileMode Mode0755 =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    [Fact]
    public async Task TheSocketFileIsReadableAndWritableByOwnerAndGroupOnly()
    {
        await using var service = await ServiceHarness.StartAsync();

        Assert.Equal(Mode0660, File.GetUnixFileMode(service.SocketPath));
    }

    [Fact]
    public async Task AMissingParentDirectoryIsCreatedWithMode0755()
    {
        await using var service = await ServiceHarness.StartAsync();

        Assert.Equal(Mode0755, File.GetUnixFileMode(Path.GetDirectoryName(service.SocketPath)!));
    }

    [Fact]
    public async Task AStaleFileAtTheSocketPathIsReplacedByAWorkingSocket()
    {
        using var directory = new TempDirectory();
        var path = ServiceHarness.SocketPathIn(directory);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "left behind by a crashed run");

        await using var service = await ServiceHarness.StartAsync(directory: directory);
        var reply = await service.Cni.DelNetworkAsync(ServiceHarness.DelRequest("c1"));

        Assert.True(reply.Success);
        Assert.Equal(Mode0660, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task StartRefusesASocketPathAnotherProcessIsListeningOn()
    {
        using var directory = new TempDirectory();
        var path = ServiceHarness.SocketPathIn(directory);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var other = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        other.Bind(new UnixDomainSocketEndPoint(path));
        other.Listen();

        var error = await Assert.ThrowsAsync<VpcCniException>(() => ServiceHarness.StartAsync(directory: directory));

        Assert.Equal(ErrorIds.Service.SocketInUse, error.ErrorId);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task StartRefusesASocketPathThatIsADirectory()
    {
        using var directory = new TempDirectory();
        var path = ServiceHarness.SocketPathIn(directory);
        Directory.CreateDirectory(path);

        var error = await Assert.ThrowsAsync<VpcCniException>(() => ServiceHarness.StartAsync(directory: directory));

        Assert.Equal(ErrorIds.Service.SocketPathIsDirectory, error.ErrorId);
        Assert.True(Directory.Exists(path));
    }

    [Fact]
    public async Task TheSocketFileIsRemovedWhenTheServiceStops()
    {
        using var directory = new TempDirectory();
        var service = await ServiceHarness.StartAsync(directory: directory);
        var path = service.SocketPath;
        Assert.True(File.Exists(path));

        await service.App.StopAsync();

        Assert.False(File.Exists(path));
        await service.DisposeAsync();
    }

    [Fact]
    public void TheDefaultSocketIsTheOneUpstreamsPluginDials()
    {
        Assert.Equal("/var/run/aws-node/ipamd.sock", new VpcCni.Service.Rpc.IpamSocketOptions().Path);
        Assert.Equal(UnixSocketChannel.DefaultIpamSocketPath, new VpcCni.Service.Rpc.IpamSocketOptions().Path);
    }
}
