using System.Text;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam.Checkpoint;

namespace VpcCni.Engine.NodeSettings;

/// <summary>
/// Replaces a file's content all at once: the new text goes to a temporary file beside it, is flushed
/// to disk, gets the old file's mode and owner, and is renamed over the old one (rename(2) is atomic, so
/// the service's reload never reads half a file). A missing file is created with mode 0644 and its
/// directory with 0755, as packaging/systemd expects /etc/vpc-cni to look.
/// </summary>
internal static class AtomicFileWriter
{
    public const UnixFileMode NewFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public const UnixFileMode NewDirectoryMode = NewFileMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public static void Write(string path, string text)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The node's env file is edited on Linux, where the node service runs.");
        }

        var target = Path.GetFullPath(path);
        var temporary = string.Empty;
        try
        {
            // A symbolic link stays a link: its final target is what gets replaced.
            var info = new FileInfo(target);
            target = info.LinkTarget is null ? target : info.ResolveLinkTarget(returnFinalTarget: true)!.FullName;
            var directory = Path.GetDirectoryName(target)!;
            temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Environment.ProcessId}.tmp");
            Directory.CreateDirectory(directory, NewDirectoryMode);
            var exists = File.Exists(target);
            var mode = exists ? File.GetUnixFileMode(target) : NewFileMode;
            var owner = exists ? FileOwnership.Of(target) : null;
            using (var stream = new FileStream(temporary, new FileStreamOptions
            {
                Mode = FileMode.Create,
                Access = FileAccess.Write,
                UnixCreateMode = mode,
            }))
            {
                stream.Write(Encoding.UTF8.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            // The umask trims the create mode; set it exactly. A non-root writer cannot give the file
            // away, so its replacement is the writer's own, as with any editor that saves by rename.
            File.SetUnixFileMode(temporary, mode);
            if (owner is { } o)
            {
                FileOwnership.TrySet(temporary, o);
            }

            File.Move(temporary, target, overwrite: true);
            DirectorySync.TrySync(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (temporary.Length > 0)
            {
                TryDelete(temporary);
            }

            throw new VpcCniException(
                ex is UnauthorizedAccessException ? VpcCniErrorCategory.PermissionDenied : VpcCniErrorCategory.ResourceUnavailable,
                ErrorIds.NodeSettings.FileNotWritable, $"Cannot write the environment file {target}: {ex.Message}", ex);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing was renamed; a leftover temporary file is harmless and named after this process.
        }
    }
}
