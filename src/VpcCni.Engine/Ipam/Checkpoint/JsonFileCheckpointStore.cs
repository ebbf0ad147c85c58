using System.Text.Json;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Ipam.Checkpoint;

/// <summary>
/// Keeps the checkpoint in a JSON file, replaced atomically: the new document goes to a temporary
/// file in the same directory, is flushed to disk, renamed over the old file (rename(2) is atomic
/// within a file system) and the directory is synced so the rename itself survives a power loss.
/// A crash at any point leaves either the old or the new file, never a torn one.
/// </summary>
public sealed class JsonFileCheckpointStore : ICheckpointStore
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private static readonly byte[] Newline = "\n"u8.ToArray();
    private readonly Action<string>? _beforeReplace;

    public JsonFileCheckpointStore(string path)
        : this(path, beforeReplace: null)
    {
    }

    /// <summary>Test seam: <paramref name="beforeReplace"/> runs with the synced temporary file's path just before the rename.</summary>
    internal JsonFileCheckpointStore(string path, Action<string>? beforeReplace)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        FilePath = Path.GetFullPath(path);
        _beforeReplace = beforeReplace;
    }

    /// <summary>Absolute path of the checkpoint file.</summary>
    public string FilePath { get; }

    /// <summary>The temporary file a write goes through; a crash may leave it behind, and the next write overwrites it.</summary>
    public string TemporaryPath => FilePath + ".tmp";

    /// <summary>
    /// Reads the file as upstream's reader does (Go <c>json.Decoder.Decode</c>): keys match
    /// case-insensitively and bytes after the first JSON value are ignored. A file that exists but
    /// cannot be read or parsed raises <c>Checkpoint.ReadFailed</c> naming it, and is left untouched.
    /// </summary>
    public async Task<IpamCheckpoint?> ReadAsync(CancellationToken cancellationToken)
    {
        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(FilePath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // No file means no pod has an address: a fresh node (upstream ReadBackingStore, os.IsNotExist).
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw ReadFailed($"cannot be read: {ex.Message}", ex);
        }

        try
        {
            // One value, then stop: the reader never looks at what follows, like Go's Decoder.
            var reader = new Utf8JsonReader(content, new JsonReaderOptions { AllowMultipleValues = true });
            return JsonSerializer.Deserialize(ref reader, CheckpointJsonContext.Default.IpamCheckpoint)
                ?? throw new JsonException("The checkpoint document is null.");
        }
        catch (JsonException ex)
        {
            throw ReadFailed($"is not a valid {IpamCheckpoint.CurrentVersion} document: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Replaces the file atomically. The document ends in a newline and both files are mode 0600, as
    /// upstream's writer leaves them (Go <c>json.Encoder.Encode</c>, <c>os.CreateTemp</c>): they hold
    /// pod names and container ids.
    /// </summary>
    public async Task WriteAsync(IpamCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var directory = Path.GetDirectoryName(FilePath)!;
        Directory.CreateDirectory(directory);
        var temporary = TemporaryPath;
        var document = JsonSerializer.SerializeToUtf8Bytes(checkpoint, CheckpointJsonContext.Default.IpamCheckpoint);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None, Options = FileOptions.Asynchronous };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerReadWrite;
            }

            var stream = new FileStream(temporary, options);
            await using (stream.ConfigureAwait(false))
            {
                if (!OperatingSystem.IsWindows())
                {
                    // A temporary file left by a crash keeps its old mode on truncation; chmod(2) it.
                    File.SetUnixFileMode(stream.SafeFileHandle, OwnerReadWrite);
                }

                await stream.WriteAsync(document, cancellationToken).ConfigureAwait(false);
                await stream.WriteAsync(Newline, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);

                // fsync(2) the data before the rename, or a crash could expose a renamed but empty file.
                stream.Flush(flushToDisk: true);
            }

            _beforeReplace?.Invoke(temporary);
            File.Move(temporary, FilePath, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }

        DirectorySync.TrySync(directory);
    }

    private VpcCniException ReadFailed(string problem, Exception inner) => new(
        VpcCniErrorCategory.InvalidConfiguration,
        ErrorIds.Checkpoint.ReadFailed,
        $"The checkpoint file '{FilePath}' {problem}. The file is left as it is.",
        inner);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the next write truncates the temporary file anyway.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
