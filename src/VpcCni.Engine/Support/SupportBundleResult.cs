namespace VpcCni.Engine.Support;

/// <summary>A written support bundle: the file (FileInfo-like names) and what is in it.</summary>
public sealed record SupportBundleResult
{
    /// <summary>The full path of the <c>.tar.gz</c>.</summary>
    public required string FullName { get; init; }

    public string Name => System.IO.Path.GetFileName(FullName);

    /// <summary>Size of the archive in bytes.</summary>
    public long Length { get; init; }

    /// <summary>The bundle's top folder inside the archive.</summary>
    public required string RootFolder { get; init; }

    /// <summary>Every file in the archive, relative to <see cref="RootFolder"/>, manifest and errors file included.</summary>
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>Every source with its outcome.</summary>
    public required IReadOnlyList<SupportBundleEntry> Entries { get; init; }

    /// <summary>How many sources failed (listed in the errors file).</summary>
    public int ErrorCount => Entries.Count(e => e.Status == SupportBundleBuilder.StatusError);

    /// <summary>Whether environment values were masked (-Redact).</summary>
    public bool Redacted { get; init; }
}
