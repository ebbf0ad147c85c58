using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Linux.PacketFilter;

/// <summary>
/// Keeps the nftables connmark table <c>ip aws-cni</c> in the desired shape: compares
/// <c>nft list table</c> (counters ignored) with the rendering, writes the whole table atomically
/// with <c>nft -f -</c> only when it differs, and deletes it when it is not wanted.
/// </summary>
internal sealed class NftConnmarkAdapter
{
    /// <summary>The nftables command-line program.</summary>
    public const string Program = "nft";

    private static readonly string[] ListArguments = ["list", "table", NftConnmarkRenderer.Family, NftConnmarkRenderer.TableName];
    private static readonly string[] FileFromStdin = ["-f", "-"];

    private readonly CommandRunner _runner;

    public NftConnmarkAdapter(CommandRunner runner)
    {
        _runner = runner;
    }

    /// <summary>Writes the table for <paramref name="options"/> unless it already matches; returns true when it wrote.</summary>
    public async Task<bool> EnsureAsync(PacketFilterOptions options, CancellationToken cancellationToken)
    {
        var expected = NftConnmarkRenderer.ExpectedListing(options);
        var current = await ListAsync(cancellationToken).ConfigureAwait(false);
        if (current is not null && current.SequenceEqual(expected, StringComparer.Ordinal))
        {
            return false;
        }

        await _runner.RunCheckedAsync(Program, FileFromStdin, NftConnmarkRenderer.RenderScript(options), cancellationToken).ConfigureAwait(false);
        var after = await ListAsync(cancellationToken).ConfigureAwait(false);
        if (after is null || !after.SequenceEqual(expected, StringComparer.Ordinal))
        {
            throw new VpcCniException(
                VpcCniErrorCategory.Internal,
                ErrorIds.PacketFilter.VerifyFailed,
                $"After nft -f the table {NftConnmarkRenderer.Family} {NftConnmarkRenderer.TableName} lists as:\n{string.Join('\n', after ?? [])}\nbut the expected listing is:\n{string.Join('\n', expected)}");
        }

        return true;
    }

    /// <summary>Deletes the table if present; returns true when it existed.</summary>
    public async Task<bool> RemoveAsync(CancellationToken cancellationToken)
    {
        if (await ListAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        await _runner.RunCheckedAsync(Program, FileFromStdin, NftConnmarkRenderer.RenderDeleteScript(), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The normalised listing, or <c>null</c> when the table does not exist.</summary>
    public async Task<IReadOnlyList<string>?> ListAsync(CancellationToken cancellationToken)
    {
        var result = await _runner.RunAsync(Program, ListArguments, null, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return NftConnmarkRenderer.Normalize(result.StandardOutput);
        }

        // nft reports a missing table as ENOENT ("No such file or directory"); anything else is a real failure.
        return result.StandardError.Contains("No such file or directory", StringComparison.Ordinal)
            ? null
            : throw new CommandFailedException(result);
    }
}
