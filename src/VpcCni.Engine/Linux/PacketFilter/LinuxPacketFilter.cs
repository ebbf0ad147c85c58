using Microsoft.Extensions.Logging;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Linux.PacketFilter;

/// <summary>
/// The Linux <see cref="IPacketFilter"/>: SNAT and NodePort rules through iptables, connmark through
/// iptables or nftables as <c>iptables --version</c> dictates (nf_tables → nftables, as upstream's
/// <c>GetIptablesMode</c>). SNAT is programmed before connmark, and a missing <c>nft</c> is refused
/// before anything changes. Each call also removes the other connmark backend's leftovers. Calls are
/// serialised so two reconciles never interleave their transactions.
/// </summary>
public sealed class LinuxPacketFilter : IPacketFilter, IDisposable
{
    private readonly CommandRunner _runner;
    private readonly IptablesToolset _tools;
    private readonly ILogger<LinuxPacketFilter> _logger;
    private readonly IptablesAdapter _iptables;
    private readonly NftConnmarkAdapter _nft;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IptablesVersion? _version;

    public LinuxPacketFilter(CommandRunner runner, ILogger<LinuxPacketFilter> logger)
        : this(runner, IptablesToolset.Default, logger)
    {
    }

    public LinuxPacketFilter(CommandRunner runner, IptablesToolset tools, ILogger<LinuxPacketFilter> logger)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(logger);
        _runner = runner;
        _tools = tools;
        _logger = logger;
        _iptables = new IptablesAdapter(runner, tools);
        _nft = new NftConnmarkAdapter(runner);
    }

    /// <summary>The installed iptables as detected on the first apply; <c>null</c> before it.</summary>
    public IptablesVersion? DetectedIptables => _version;

    /// <inheritdoc />
    public async Task<PacketFilterResult> ApplyAsync(PacketFilterOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Ipv6Mode)
        {
            // Upstream returns before touching iptables in IPv6 mode: traffic leaves by the ENI it came
            // from. The IPv4 inputs may legitimately be absent there (IPv6-only subnets).
            _logger.SkippedIpv6();
            return new PacketFilterResult { Skipped = true };
        }

        options.Validate();

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var version = await DetectAsync(options, cancellationToken).ConfigureAwait(false);
            var backend = options.ForcedConnmarkBackend ?? version.ConnmarkBackend;
            if (options.Randomization == SnatRandomization.Prng && !version.SupportsRandomFully)
            {
                _logger.RandomFullyUnsupported(version.Version);
            }

            var tables = IptablesRuleRenderer.Render(options, backend == ConnmarkBackend.Iptables, version.SupportsRandomFully);
            var wantsNftConnmark = backend == ConnmarkBackend.Nftables && !options.ExternalSnat;
            EnsureNftInstalled(wantsNftConnmark, version);

            // SNAT first, then connmark, as upstream orders it: if the connmark step fails, the node
            // still translates pod traffic leaving the VPC instead of sending it out unNATed.
            var changed = await _iptables.ApplyAsync(tables, cancellationToken).ConfigureAwait(false);
            var nftChanged = wantsNftConnmark
                ? await _nft.EnsureAsync(options, cancellationToken).ConfigureAwait(false)
                : await RemoveNftLeftoversAsync(cancellationToken).ConfigureAwait(false);

            var result = new PacketFilterResult
            {
                ConnmarkBackend = backend,
                SnatRandomFlag = options.ExternalSnat ? null : IptablesRuleRenderer.RandomFlag(options.Randomization, version.SupportsRandomFully),
                ChangedIptablesTables = changed,
                NftablesChanged = nftChanged,
            };
            if (result.NoChange)
            {
                _logger.Unchanged();
            }
            else if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.Updated(string.Join(',', changed), nftChanged, options.ExternalSnat);
            }

            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<IptablesVersion> DetectAsync(PacketFilterOptions options, CancellationToken cancellationToken)
    {
        if (_version is null)
        {
            var output = await _runner.RunCheckedAsync(_tools.Iptables, ["--version"], null, cancellationToken).ConfigureAwait(false);
            _version = IptablesVersion.Parse(output.StandardOutput);
            _logger.BackendChosen(options.ForcedConnmarkBackend ?? _version.ConnmarkBackend, _version.Version, _version.IsNfTables, options.ForcedConnmarkBackend is not null);
        }

        return _version;
    }

    /// <summary>
    /// Refuses before anything changes when the connmark rules need nftables and no <c>nft</c> program
    /// is installed: programming SNAT alone would leave pods on secondary ENIs without connmark, so
    /// their internet traffic would leave through the wrong ENI.
    /// </summary>
    private void EnsureNftInstalled(bool wantsNftConnmark, IptablesVersion version)
    {
        if (wantsNftConnmark && _runner.FindTool(NftConnmarkAdapter.Program) is null)
        {
            throw new VpcCniException(
                VpcCniErrorCategory.ResourceUnavailable,
                ErrorIds.PacketFilter.NftMissing,
                $"iptables {version.Version} runs in nf_tables mode, so the connmark rules go into nftables, which needs the 'nft' program; "
                + $"it is not installed (searched {_runner.ToolSearchPath}). Install nftables (the package that provides nft) and retry. No rule was changed.");
        }
    }

    private async Task<bool> RemoveNftLeftoversAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _nft.RemoveAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CommandFailedException ex) when (ex.ExitCode is null)
        {
            // Without an nft binary nobody can have created the table; nothing to clean.
            _logger.NftMissing();
            return false;
        }
    }
}
