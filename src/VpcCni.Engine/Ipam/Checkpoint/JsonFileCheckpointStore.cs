using System.Buffers;
using System.Text.Json;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Ipam.Checkpoint;

/// <summary>
/// Keeps the checkpoint in a JSON file, replaced atomically: the new document goes to a temporary
/// file in the same directory and is renamed over the old file (rename(2) is atomic within a file
/// system), so a crash at any point leaves either the old or the new file, never a torn one. With
/// <see cref="CheckpointDurability.Durable"/> the temporary file is also fsync'd before the rename
/// and the directory after it, so the rename survives a power loss as well.
/// </summary>
public sealed class JsonFileCheckpointStore : ICheckpointStore
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    // 110 pods make about 25 KiB; the buffer grows once past that and is kept for the next write.
    private const int InitialBufferSize = 32 * 1024;
    private readonly Action<string>? _beforeReplace;
    private ArrayBufferWriter<byte>? _spareBuffer;

    public JsonFileCheckpointStore(string path, CheckpointDurability durability = CheckpointDurability.Durable)
        : this(path, durability, beforeReplace: null)
    {
    }

    /// <summary>Test seam: <paramref name="beforeReplace"/> runs with the written temporary file's path just before the rename.</summary>
    internal JsonFileCheckpointStore(string path, Action<string>? beforeReplace)
        : this(path, CheckpointDurability.Durable, beforeReplace)
    {
    }

    /// <summary>Test seam, as above, for a given durability.</summary>
    internal JsonFileCheckpointStore(string path, CheckpointDurability durability, Action<string>? beforeReplace)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!Enum.IsDefined(durability))
        {
            throw new ArgumentOutOfRangeException(nameof(durability), durability, "Unknown checkpoint durability.");
        }

        FilePath = Path.GetFullPath(path);
        Durability = durability;
        _beforeReplace = beforeReplace;
    }

    /// <summary>Whether a write also waits for the disk (fsync), or only for the page cache.</summary>
    public CheckpointDurability Durability { get; }

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
    /// pod names and container ids. The write is synchronous: the document is a few tens of KiB
    /// going to the page cache, which costs less than a hop to the thread pool.
    /// </summary>
    public Task WriteAsync(IpamCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        // One buffer serves every write; a second concurrent write (never made by the datastore, which
        // writes under its lock) simply gets a buffer of its own.
        var buffer = Interlocked.Exchange(ref _spareBuffer, null) ?? new ArrayBufferWriter<byte>(InitialBufferSize);
        try
        {
            using (var writer = new Utf8JsonWriter(buffer))
            {
                JsonSerializer.Serialize(writer, checkpoint, CheckpointJsonContext.Default.IpamCheckpoint);
            }

            buffer.Write("\n"u8);
            Replace(buffer.WrittenSpan);
            return Task.CompletedTask;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return Task.FromException(ex);
        }
        finally
        {
            buffer.ResetWrittenCount();
            _spareBuffer = buffer;
        }
    }

    private void Replace(ReadOnlySpan<byte> document)
    {
        var directory = Path.GetDirectoryName(FilePath)!;
        Directory.CreateDirectory(directory);
        var temporary = TemporaryPath;
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0 };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerReadWrite;
            }

            using (var stream = new FileStream(temporary, options))
            {
                if (!OperatingSystem.IsWindows())
                {
                    // A temporary file left by a crash keeps its old mode on truncation; chmod(2) it.
                    File.SetUnixFileMode(stream.SafeFileHandle, OwnerReadWrite);
                }

                stream.Write(document);
                if (Durability == CheckpointDurability.Durable)
                {
                    // fsync(2) the data before the rename, or a power loss could expose a renamed but empty file.
                    stream.Flush(flushToDisk: true);
                }
            }

            _beforeReplace?.Invoke(temporary);
            File.Move(temporary, FilePath, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }

        if (Durability == CheckpointDurability.Durable)
        {
            DirectorySync.TrySync(directory);
        }
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
