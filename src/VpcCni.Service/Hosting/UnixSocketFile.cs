using System.Net.Sockets;

namespace VpcCni.Service.Hosting;

/// <summary>
/// The file a listening Unix socket leaves behind. bind(2) fails with EADDRINUSE while the path exists,
/// and a process killed with SIGKILL never unlinks it (unix(7)), so a restart after a crash must remove
/// it first; but only when nobody answers on it, or a second instance would orphan a running one.
/// </summary>
internal static class UnixSocketFile
{
    /// <summary>True when a process accepts connections on <paramref name="path"/>.</summary>
    public static bool IsServed(string path)
    {
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (SocketException)
        {
            // ECONNREFUSED (nobody listens: a stale socket, or a plain file) or ENOENT.
            return false;
        }
    }

    /// <summary>Removes <paramref name="path"/> when it exists and nobody serves it; true when it did.</summary>
    public static bool RemoveIfStale(string path)
    {
        if (!File.Exists(path) || IsServed(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }
}
