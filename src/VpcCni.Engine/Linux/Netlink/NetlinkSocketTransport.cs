using System.Runtime.InteropServices;
using VpcCni.Engine.Linux.Native;

namespace VpcCni.Engine.Linux.Netlink;

/// <summary>
/// An <c>AF_NETLINK</c>/<c>NETLINK_ROUTE</c> socket. A netlink socket belongs to the network namespace
/// of the thread that created it, for its whole life (netlink(7)); create it inside <c>NetNs.Run</c>
/// to talk to another namespace from any thread.
/// </summary>
internal sealed unsafe class NetlinkSocketTransport : INetlinkTransport
{
    private const int Eintr = 4;
    private int _fd;

    public NetlinkSocketTransport()
    {
        _fd = LibC.Socket(LibC.AfNetlink, LibC.SockRaw | LibC.SockCloexec, LibC.NetlinkRoute);
        if (_fd < 0)
        {
            throw NetlinkException.FromErrno(Marshal.GetLastPInvokeError(), "socket(AF_NETLINK)", null);
        }

        // sockaddr_nl { family = AF_NETLINK, pad, pid = 0 (kernel assigns), groups = 0 }.
        var address = stackalloc byte[12];
        new Span<byte>(address, 12).Clear();
        address[0] = LibC.AfNetlink;
        if (LibC.Bind(_fd, address, 12) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            Dispose();
            throw NetlinkException.FromErrno(errno, "bind(AF_NETLINK)", null);
        }

        // Extended acks carry the kernel's reason text with errors (since Linux 4.12); failure is harmless.
        var one = 1;
        _ = LibC.SetSockOpt(_fd, LibC.SolNetlink, LibC.NetlinkExtAck, &one, sizeof(int));
        var size = 1 << 20;
        _ = LibC.SetSockOpt(_fd, LibC.SolSocket, LibC.SoRcvbuf, &size, sizeof(int));
    }

    public void Send(ReadOnlySpan<byte> datagram)
    {
        ObjectDisposedException.ThrowIf(_fd < 0, this);
        fixed (byte* p = datagram)
        {
            while (true)
            {
                var sent = LibC.Send(_fd, p, (nuint)datagram.Length, 0);
                if (sent >= 0)
                {
                    return;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno != Eintr)
                {
                    throw NetlinkException.FromErrno(errno, "send(netlink)", null);
                }
            }
        }
    }

    public int Receive(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_fd < 0, this);
        fixed (byte* p = buffer)
        {
            while (true)
            {
                var received = LibC.Recv(_fd, p, (nuint)buffer.Length, 0);
                if (received >= 0)
                {
                    return checked((int)received);
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno != Eintr)
                {
                    throw NetlinkException.FromErrno(errno, "recv(netlink)", null);
                }
            }
        }
    }

    public void Dispose()
    {
        if (_fd >= 0)
        {
            _ = LibC.Close(_fd);
            _fd = -1;
        }
    }
}
