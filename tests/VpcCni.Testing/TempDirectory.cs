namespace VpcCni.Testing;

/// <summary>
/// A fresh directory under /tmp, removed on dispose. Kept short, because a Unix socket path must
/// fit in 108 bytes (unix(7)).
/// </summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vcs-" + Guid.NewGuid().ToString("N")[..10]);
        System.IO.Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>The path of <paramref name="name"/> inside the directory.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A socket still being torn down; /tmp is cleaned by the system eventually.
        }
    }
}
