using System.Text;

namespace VpcCni.Plugin.Logging;

/// <summary>
/// Where log lines go: the configured file, opened for append, or the injected stderr; never stdout,
/// which carries only the CNI result. Each line is one write(2) on an O_APPEND file, so the lines of
/// plugins running side by side do not interleave (open(2), O_APPEND).
/// </summary>
public sealed class PluginLogSink : IDisposable
{
    private readonly Lock _gate = new();
    private readonly FileStream? _file;
    private readonly TextWriter? _stderr;

    private PluginLogSink(FileStream? file, TextWriter? stderr)
    {
        _file = file;
        _stderr = stderr;
    }

    /// <summary>A sink on <paramref name="path"/>; when it cannot be opened, on <paramref name="stderr"/>, so logging never fails a pod.</summary>
    public static PluginLogSink Open(string path, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        if (path == Cni.NetConf.StderrLog)
        {
            return new PluginLogSink(null, stderr);
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var file = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Append,
                Access = FileAccess.Write,
                Share = FileShare.ReadWrite | FileShare.Delete,
                BufferSize = 0,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead,
            });
            return new PluginLogSink(file, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"vpc-cni: cannot open log file {path} ({e.Message}); logging to stderr");
            return new PluginLogSink(null, stderr);
        }
    }

    public void WriteLine(string line)
    {
        lock (_gate)
        {
            if (_file is not null)
            {
                _file.Write(Encoding.UTF8.GetBytes(line + "\n"));
            }
            else
            {
                _stderr!.WriteLine(line);
            }
        }
    }

    public void Dispose() => _file?.Dispose();
}
