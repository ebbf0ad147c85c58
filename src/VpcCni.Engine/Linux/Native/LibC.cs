using System.Runtime.InteropServices;

namespace VpcCni.Engine.Linux.Native;

/// <summary>
/// The handful of libc calls the dataplane needs (source-generated
/// P/Invoke with <c>SetLastError</c>). .NET's <c>Socket</c> has no <c>AF_NETLINK</c> address family,
/// so the netlink socket is driven through these too.
/// </summary>
internal static partial class LibC
{
    internal const int AfNetlink = 16;
    internal const int SockRaw = 3;
    internal const int SockCloexec = 0x80000;
    internal const int NetlinkRoute = 0;
    internal const int SolSocket = 1;
    internal const int SoRcvbuf = 8;
    internal const int SoSndbuf = 7;
    internal const int SolNetlink = 270;
    internal const int NetlinkExtAck = 11;
    internal const int CloneNewNet = 0x40000000;
    internal const ulong MsBind = 4096;
    internal const ulong MsRec = 16384;
    internal const ulong MsShared = 1 << 20;
    internal const int MntDetach = 2;

    [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
    internal static partial int Socket(int domain, int type, int protocol);

    [LibraryImport("libc", EntryPoint = "bind", SetLastError = true)]
    internal static unsafe partial int Bind(int fd, byte* address, int length);

    [LibraryImport("libc", EntryPoint = "send", SetLastError = true)]
    internal static unsafe partial nint Send(int fd, byte* buffer, nuint length, int flags);

    [LibraryImport("libc", EntryPoint = "recv", SetLastError = true)]
    internal static unsafe partial nint Recv(int fd, byte* buffer, nuint length, int flags);

    [LibraryImport("libc", EntryPoint = "setsockopt", SetLastError = true)]
    internal static unsafe partial int SetSockOpt(int fd, int level, int name, int* value, int length);

    internal const int ORdonly = 0;
    internal const int OCloexec = 0x80000;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    internal static partial int SetNs(int fd, int nstype);

    [LibraryImport("libc", EntryPoint = "unshare", SetLastError = true)]
    internal static partial int Unshare(int flags);

    [LibraryImport("libc", EntryPoint = "mount", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Mount(string? source, string target, string? fsType, ulong flags, nint data);

    [LibraryImport("libc", EntryPoint = "umount2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Umount2(string target, int flags);
}
