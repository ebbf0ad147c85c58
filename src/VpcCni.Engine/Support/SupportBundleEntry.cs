namespace VpcCni.Engine.Support;

/// <summary>One source of a written bundle as the manifest records it.</summary>
public sealed record SupportBundleEntry
{
    /// <summary>The path inside the bundle (under its top folder).</summary>
    public required string Path { get; init; }

    public required string Description { get; init; }

    /// <summary><c>ok</c>, <c>error</c> or <c>skipped</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Bytes written; 0 unless ok.</summary>
    public long Length { get; init; }

    /// <summary>Why it is missing (error or skipped).</summary>
    public string? Message { get; init; }
}
