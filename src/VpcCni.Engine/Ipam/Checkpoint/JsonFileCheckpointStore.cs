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

    public async Task<IpamCheckpoint?> ReadAsync(CancellationToken cancellationToken)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // No file means no pod has an address: a fresh node (upstream ReadBackingStore, os.IsNotExist).
            return null;
        }

        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return await JsonSerializer.DeserializeAsync(stream, CheckpointJsonContext.Default.IpamCheckpoint, cancellationToken)
                    .ConfigureAwait(false)
                    ?? throw new JsonException("The checkpoint document is null.");
            }
            catch (JsonException ex)
            {
                throw new VpcCniException(
                    VpcCniErrorCategory.InvalidConfiguration,
                    ErrorIds.Checkpoint.ReadFailed,
                    $"The checkpoint file '{FilePath}' is not a valid {IpamCheckpoint.CurrentVersion} document: {ex.Message}",
                    ex);
            }
        }
    }

    public async Task WriteAsync(IpamCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var directory = Path.GetDirectoryName(FilePath)!;
        Directory.CreateDirectory(directory);
        var temporary = TemporaryPath;
        try
        {
            var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await JsonSerializer.SerializeAsync(stream, checkpoint, CheckpointJsonContext.Default.IpamCheckpoint, cancellationToken)
                    .ConfigureAwait(false);
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
