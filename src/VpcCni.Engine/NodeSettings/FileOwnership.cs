using System.Runtime.InteropServices;

namespace VpcCni.Engine.NodeSettings;

/// <summary>
/// A file's owner and group, read with statx(2) and given to another file with chown(2): .NET reads and
/// sets a file's mode (File.GetUnixFileMode) but not its owner. statx's buffer has one layout on every
/// architecture, unlike stat's, so no per-platform struct is needed.
/// </summary>
internal static partial class FileOwnership
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxUid = 0x8;
    private const uint StatxGid = 0x10;

    // struct statx (statx(2)): stx_mask at 0, stx_uid at 20, stx_gid at 24; 256 bytes in all.
    private const int StatxSize = 256;
    private const int UidOffset = 20;
    private const int GidOffset = 24;

    /// <summary>The owner and group of <paramref name="path"/>, or null when they cannot be read.</summary>
    public static (uint Uid, uint Gid)? Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        Span<byte> buffer = stackalloc byte[StatxSize];
        if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxUid | StatxGid, ref MemoryMarshal.GetReference(buffer)) != 0)
        {
            return null;
        }

        return (BitConverter.ToUInt32(buffer[UidOffset..]), BitConverter.ToUInt32(buffer[GidOffset..]));
    }

    /// <summary>Gives <paramref name="path"/> that owner; false when refused (only root may give files away, chown(2)).</summary>
    public static bool TrySet(string path, (uint Uid, uint Gid) owner) =>
        OperatingSystem.IsLinux() && Chown(path, owner.Uid, owner.Gid) == 0;

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, ref byte buffer);

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, uint owner, uint group);
}
