namespace VpcCni.Engine.Tests.Ipam.Fakes;

/// <summary>A throwaway directory for file-backed checkpoint tests, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("vpccni-ipam-");

    public string Path => _dir.FullName;

    public string File(string name) => System.IO.Path.Combine(_dir.FullName, name);

    public void Dispose() => _dir.Delete(recursive: true);
}
