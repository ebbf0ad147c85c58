using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Support;

/// <summary>
/// Writes a support bundle: a <c>.tar.gz</c> (System.Formats.Tar, GZipStream) whose single top folder
/// holds one file per source, in the folders of the EKS log collector (upstream's
/// <c>eks-log-collector.sh</c>: <c>ipamd/</c>, <c>cni/</c>, <c>networking/</c>, <c>system/</c>,
/// <c>var_log/</c>), plus <c>manifest.json</c> and the errors file (<see cref="ErrorsFile"/>). A source that fails is recorded,
/// never fatal; every content is scrubbed of secrets before it is written. The archive is written to
/// a temporary name and renamed, so a failed or cancelled run leaves no half bundle.
/// </summary>
public sealed class SupportBundleBuilder(TimeProvider time)
{
    public const string StatusOk = "ok";
    public const string StatusError = "error";
    public const string StatusSkipped = "skipped";
    public const string ManifestFile = "manifest.json";
    /// <summary>The extension of the command outputs and the errors file, as the collector names its text files.</summary>
    public const string TextExtension = ".txt";
    public const string ErrorsFile = "errors" + TextExtension;

    /// <summary>
    /// Reads every source and writes the bundle to <paramref name="path"/> (a file, or an existing
    /// directory to put <c>vpc-cni-bundle_&lt;host&gt;_&lt;time&gt;.tar.gz</c> in).
    /// </summary>
    /// <exception cref="VpcCniException"><c>SupportBundle.OutputNotWritable</c> when the archive cannot be created.</exception>
    public async Task<SupportBundleResult> WriteAsync(
        IReadOnlyList<SupportBundleSource> sources, string path, bool redact, IProgress<SupportBundleProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var now = time.GetUtcNow();
        var stamp = now.ToString("yyyy-MM-dd_HHmm", CultureInfo.InvariantCulture) + "-UTC";
        var root = $"vpc-cni-bundle_{Environment.MachineName}_{stamp}";
        var target = Path.GetFullPath(Directory.Exists(path) ? Path.Combine(path, root + ".tar.gz") : path);
        var files = new List<(string Path, byte[] Data)>();
        var entries = new List<SupportBundleEntry>();
        for (var i = 0; i < sources.Count; i++)
        {
            var source = sources[i];
            progress?.Report(new SupportBundleProgress(i, sources.Count, source.Description));
            var (entry, data) = await ReadAsync(source, redact, cancellationToken).ConfigureAwait(false);
            entries.Add(entry);
            if (data is not null)
            {
                files.Add((source.Path, data));
            }
        }

        progress?.Report(new SupportBundleProgress(sources.Count, sources.Count, "Writing " + target));
        files.Add((ErrorsFile, Encoding.UTF8.GetBytes(ErrorsText(entries))));
        files.Add((ManifestFile, Manifest(now, redact, entries)));
        await WriteArchiveAsync(target, root, files, now, cancellationToken).ConfigureAwait(false);
        return new SupportBundleResult
        {
            FullName = target,
            Length = new FileInfo(target).Length,
            RootFolder = root,
            Files = files.Select(f => f.Path).ToList(),
            Entries = entries,
            Redacted = redact,
        };
    }

    private static async Task<(SupportBundleEntry Entry, byte[]? Data)> ReadAsync(SupportBundleSource source, bool redact, CancellationToken cancellationToken)
    {
        try
        {
            var text = await source.Read(cancellationToken).ConfigureAwait(false);
            if (redact)
            {
                text = SupportBundleRedactor.RedactValues(text, source.Content);
            }

            var data = Encoding.UTF8.GetBytes(SupportBundleRedactor.Scrub(text));
            return (new SupportBundleEntry { Path = source.Path, Description = source.Description, Status = StatusOk, Length = data.Length }, data);
        }
        catch (SupportBundleSkippedException ex)
        {
            return (new SupportBundleEntry { Path = source.Path, Description = source.Description, Status = StatusSkipped, Message = ex.Message }, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever one source does (no such tool, node down, permission denied), the others are still collected.
            var message = SupportBundleRedactor.Scrub(ex.Message);
            return (new SupportBundleEntry { Path = source.Path, Description = source.Description, Status = StatusError, Message = message }, null);
        }
    }

    /// <summary>The manifest, written field by field (the engine is trimmed and AOT-compiled: no reflection serialisation).</summary>
    private static byte[] Manifest(DateTimeOffset created, bool redact, IEnumerable<SupportBundleEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("created", created);
            json.WriteBoolean("redacted", redact);
            json.WriteStartArray("entries");
            foreach (var entry in entries)
            {
                json.WriteStartObject();
                json.WriteString("path", entry.Path);
                json.WriteString("description", entry.Description);
                json.WriteString("status", entry.Status);
                json.WriteNumber("length", entry.Length);
                if (entry.Message is not null)
                {
                    json.WriteString("message", entry.Message);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string ErrorsText(IEnumerable<SupportBundleEntry> entries)
    {
        var text = new StringBuilder();
        foreach (var entry in entries.Where(e => e.Status == StatusError))
        {
            text.Append(entry.Path).Append(" (").Append(entry.Description).Append("): ").AppendLine(entry.Message);
        }

        return text.Length == 0 ? "No errors.\n" : text.ToString();
    }

    private static async Task WriteArchiveAsync(string target, string root, List<(string Path, byte[] Data)> files, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var partial = target + ".partial";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
            await using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
            await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: false))
            {
                foreach (var (path, data) in files)
                {
                    var entry = new PaxTarEntry(TarEntryType.RegularFile, root + "/" + path)
                    {
                        DataStream = new MemoryStream(data, writable: false),
                        ModificationTime = now,
                        Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                    };
                    await tar.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
                }
            }

            // The bundle holds node state: readable by its owner only (chmod(2)).
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.Move(partial, target, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(partial);
            throw new VpcCniException(VpcCniErrorCategory.PermissionDenied, ErrorIds.SupportBundle.OutputNotWritable, $"The support bundle cannot be written to {target}: {ex.Message}", ex);
        }
        catch
        {
            TryDelete(partial);
            throw;
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
            // Best effort: the write already failed, and that error is the one to report.
        }
    }
}
