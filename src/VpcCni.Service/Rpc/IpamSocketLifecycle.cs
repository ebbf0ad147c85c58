using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Errors;
using VpcCni.Service.Hosting;

namespace VpcCni.Service.Rpc;

/// <summary>
/// Prepares the IPAM socket path before Kestrel binds it and restricts the socket after: the
/// parent directory is created 0755, a stale socket file from an earlier run is removed (bind(2)
/// fails with EADDRINUSE on an existing file, and Kestrel leaves it behind after a crash), and the
/// bound socket is set to 0660 so that only root and the root group can connect (unix(7): connecting
/// needs write permission on the socket file). Hosted lifecycle hooks run before and after every
/// hosted service's start, which brackets Kestrel's bind.
/// </summary>
internal sealed class IpamSocketLifecycle(IOptions<IpamSocketOptions> options, ILogger<IpamSocketLifecycle> logger) : IHostedLifecycleService
{
    /// <summary>Directory mode: everyone may traverse to the socket; only root may add files.</summary>
    public const UnixFileMode DirectoryMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary>Socket mode: read and write (connect) for the owner and group only.</summary>
    public const UnixFileMode SocketMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;

    private static readonly string SocketModeOctal = Convert.ToString((int)SocketMode, 8).PadLeft(4, '0');

    private string SocketPath => options.Value.Path;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(SocketPath)!;
        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, DirectoryMode);
        }

        if (Directory.Exists(SocketPath))
        {
            throw new VpcCniException(VpcCniErrorCategory.Conflict, ErrorIds.Service.SocketPathIsDirectory,
                $"The IPAM socket path '{SocketPath}' is a directory; remove it or choose another IpamSocket:Path.");
        }

        if (File.Exists(SocketPath))
        {
            RemoveStale();
        }

        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        // Kestrel has bound the socket by now; until this call it had the process umask's mode,
        // a window upstream's ipamd has too.
        File.SetUnixFileMode(SocketPath, SocketMode);
        ServiceLog.SocketReady(logger, SocketPath, SocketModeOctal);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void RemoveStale()
    {
        // Unlike upstream, which removes the file unconditionally, refuse to take the socket from a
        // service that still answers on it: a second instance would otherwise orphan the first.
        if (UnixSocketFile.IsServed(SocketPath))
        {
            throw new VpcCniException(VpcCniErrorCategory.Conflict, ErrorIds.Service.SocketInUse,
                $"Another process is listening on the IPAM socket '{SocketPath}'; stop it before starting this service.");
        }

        File.Delete(SocketPath);
        ServiceLog.StaleSocketRemoved(logger, SocketPath);
    }
}
