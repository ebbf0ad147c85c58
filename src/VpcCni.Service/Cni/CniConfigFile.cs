namespace VpcCni.Service.Cni;

/// <summary>
/// Replaces the configuration file atomically: the content goes to <c>&lt;name&gt;.tmp</c> in the same
/// directory, is fsync'd, and is renamed over the file (rename(2) replaces the name in one step), so
/// a container runtime that watches the directory never reads a half-written list. The temporary
/// name does not end in <c>.conf</c>, <c>.conflist</c> or <c>.json</c>, the extensions libcni loads.
/// The directory itself is not fsync'd: the service writes the file again at every start.
/// </summary>
internal static class CniConfigFile
{
    /// <summary>rw-r--r--: the kubelet and the runtime read it; only root writes it.</summary>
    public const UnixFileMode FileMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>rwxr-xr-x, for a directory the service has to create.</summary>
    public const UnixFileMode DirectoryMode = FileMode |
        UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>; on failure the temporary file is removed.</summary>
    public static void Replace(string path, ReadOnlySpan<byte> content)
    {
        var directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, DirectoryMode);
        }

        var temporary = path + ".tmp";
        try
        {
            var options = new FileStreamOptions
            {
                Mode = System.IO.FileMode.Create, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0, UnixCreateMode = FileMode,
            };
            using (var stream = new FileStream(temporary, options))
            {
                // The create mode passes through the umask, and a leftover temporary file keeps its old mode: chmod(2) it.
                File.SetUnixFileMode(stream.SafeFileHandle, FileMode);
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the next attempt truncates it, and libcni never loads a .tmp file.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
