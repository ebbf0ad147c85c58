using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace VpcCni.Engine.Tests.Support;

/// <summary>Reads a written bundle back: every entry's name and text.</summary>
internal static class SupportBundleReader
{
    public static Dictionary<string, string> Read(string path)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            using var reader = new StreamReader(entry.DataStream ?? Stream.Null, Encoding.UTF8);
            files[entry.Name] = reader.ReadToEnd();
        }

        return files;
    }
}
