using System.Runtime.InteropServices;

namespace VpcCni.Engine.Ipam.Checkpoint;

/// <summary>
/// fsync(2) on a directory, so a completed rename is durable (see the fsync man page: "calling
/// fsync() on the file does not necessarily ensure that the entry in the directory containing
/// the file has also reached disk"). .NET cannot open a directory as a FileStream, hence libc.
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0;

    /// <summary>Syncs the directory on Linux; elsewhere, or when the file system refuses, does nothing.</summary>
    public static bool TrySync(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var fd = Open(directory, ReadOnly);
        if (fd < 0)
        {
            return false;
        }

        try
        {
            return Fsync(fd) == 0;
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
