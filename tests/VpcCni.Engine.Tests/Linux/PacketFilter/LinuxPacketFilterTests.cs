using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Linux.PacketFilter;

namespace VpcCni.Engine.Tests.Linux.PacketFilter;

/// <summary>Root lane: every test programs its own throwaway network namespace, never the machine's.</summary>
public sealed class LinuxPacketFilterTests : IDisposable
{
    private readonly ThrowawayNamespaces _namespaces = new();
    private readonly List<DirectoryInfo> _toolDirectories = [];

    public void Dispose()
    {
        _namespaces.Dispose();
        _toolDirectories.ForEach(d => d.Delete(recursive: true));
    }

    public static TheoryData<bool, bool, SnatRandomization, bool, ConnmarkBackend> Combinations()
    {
        var data = new TheoryData<bool, bool, SnatRandomization, bool, ConnmarkBackend>();
        foreach (var externalSnat in new[] { false, true })
        {
            foreach (var exclusions in new[] { false, true })
            {
                foreach (var randomization in Enum.GetValues<SnatRandomization>())
                {
                    foreach (var nodePort in new[] { false, true })
                    {
                        // Both connmark backends for the default randomisation; the others use iptables
                        // connmark, which puts the most lines into iptables-save.
                        data.Add(externalSnat, exclusions, randomization, nodePort, ConnmarkBackend.Iptables);
                        if (randomization == SnatRandomization.Prng)
                        {
                            data.Add(externalSnat, exclusions, randomization, nodePort, ConnmarkBackend.Nftables);
                        }
                    }
                }
            }
        }

        return data;
    }

    [RootTheory]
    [MemberData(nameof(Combinations))]
    public async Task ApplyInstallsExactlyTheRulesOfTheSettingAndReapplyingChangesNothing(
        bool externalSnat, bool exclusions, SnatRandomization randomization, bool nodePort, ConnmarkBackend backend)
    {
        var ns = _namespaces.Create("snat");
        using var filter = NewFilter(ns);
        var options = Options(externalSnat, exclusions, randomization, nodePort, backend);

        var first = await filter.ApplyAsync(options, CancellationToken.None);

        Assert.Equal(backend, first.ConnmarkBackend);
        Assert.Equal(
            ExpectedRules.ByChain(ExpectedRules.Nat(externalSnat, exclusions, randomization, backend == ConnmarkBackend.Iptables)),
            ExpectedRules.ByChain(await ThrowawayNamespaces.SaveRulesAsync(ns, "nat")));
        Assert.Equal(ExpectedRules.Mangle(externalSnat, nodePort), await ThrowawayNamespaces.SaveRulesAsync(ns, "mangle"));
        Assert.Equal(
            backend == ConnmarkBackend.Nftables && !externalSnat ? ExpectedRules.NftTable(exclusions) : null,
            await ListNftAsync(ns));

        var before = await ThrowawayNamespaces.SaveAllWithoutCountersAsync(ns);
        var again = await filter.ApplyAsync(options, CancellationToken.None);

        Assert.True(again.NoChange, $"re-apply changed {string.Join(',', again.ChangedIptablesTables)} nft={again.NftablesChanged}");
        Assert.Equal(before, await ThrowawayNamespaces.SaveAllWithoutCountersAsync(ns));
    }

    [RootFact]
    public async Task AutoDetectionPicksNftablesForConnmarkWhenIptablesRunsOnNfTables()
    {
        var ns = _namespaces.Create("snat");
        using var filter = NewFilter(ns);
        var version = IptablesVersion.Parse(await ThrowawayNamespaces.RunAsync(ns, "iptables", "--version"));

        var result = await filter.ApplyAsync(Options(false, false, SnatRandomization.Prng, true, null), CancellationToken.None);

        Assert.Equal(version.ConnmarkBackend, result.ConnmarkBackend);
        Assert.Equal(version, filter.DetectedIptables);
        Assert.Equal("--random-fully", result.SnatRandomFlag);
        Assert.Equal(version.IsNfTables ? ExpectedRules.NftTable(false) : null, await ListNftAsync(ns));
    }

    [RootFact]
    public async Task SwitchingExternalSnatOnRemovesEveryRuleAndChainAndTheNftTable()
    {
        var ns = _namespaces.Create("snat");
        using var filter = NewFilter(ns);
        await filter.ApplyAsync(Options(false, true, SnatRandomization.Prng, true, ConnmarkBackend.Nftables), CancellationToken.None);
        await filter.ApplyAsync(Options(false, true, SnatRandomization.Prng, true, ConnmarkBackend.Iptables), CancellationToken.None);

        var result = await filter.ApplyAsync(Options(true, true, SnatRandomization.Prng, false, ConnmarkBackend.Iptables), CancellationToken.None);

        Assert.Equal(["nat", "mangle"], result.ChangedIptablesTables);
        Assert.Empty(await ThrowawayNamespaces.SaveRulesAsync(ns, "nat"));
        Assert.Empty(await ThrowawayNamespaces.SaveRulesAsync(ns, "mangle"));
        Assert.Null(await ListNftAsync(ns));
    }

    [RootFact]
    public async Task StaleCidrsLegacyChainsAndTheStateNewConnmarkRuleAreRemoved()
    {
        var ns = _namespaces.Create("snat");
        await ThrowawayNamespaces.SeedIptablesAsync(ns, """
            *nat
            :AWS-SNAT-CHAIN-0 - [0:0]
            :AWS-SNAT-CHAIN-1 - [0:0]
            :AWS-CONNMARK-CHAIN-0 - [0:0]
            :AWS-CONNMARK-CHAIN-2 - [0:0]
            -A PREROUTING -i eni+ -m comment --comment "AWS, outbound connections" -m state --state NEW -j AWS-CONNMARK-CHAIN-0
            -A POSTROUTING -m comment --comment "AWS SNAT CHAIN" -j AWS-SNAT-CHAIN-0
            -A AWS-SNAT-CHAIN-0 ! -d 10.0.0.0/16 -m comment --comment "AWS SNAT CHAIN" -j AWS-SNAT-CHAIN-1
            -A AWS-SNAT-CHAIN-1 -d 172.31.0.0/16 -m comment --comment "AWS SNAT CHAIN" -j RETURN
            -A AWS-CONNMARK-CHAIN-0 -d 172.31.0.0/16 -j AWS-CONNMARK-CHAIN-2
            -A AWS-CONNMARK-CHAIN-2 -j CONNMARK --set-xmark 0x80/0x80
            COMMIT
            *mangle
            -A PREROUTING -i eni+ -m comment --comment "AWS, primary ENI" -j CONNMARK --restore-mark --nfmask 0x80 --ctmask 0x80
            COMMIT

            """);
        using var filter = NewFilter(ns);

        await filter.ApplyAsync(Options(false, false, SnatRandomization.Prng, true, ConnmarkBackend.Iptables), CancellationToken.None);

        Assert.Equal(
            ExpectedRules.ByChain(ExpectedRules.Nat(false, false, SnatRandomization.Prng, true)),
            ExpectedRules.ByChain(await ThrowawayNamespaces.SaveRulesAsync(ns, "nat")));
        Assert.Equal(ExpectedRules.Mangle(false, true), await ThrowawayNamespaces.SaveRulesAsync(ns, "mangle"));
    }

    [RootFact]
    public async Task ForeignRulesAndChainsSurviveInstallAndRemovalInTheirOrder()
    {
        var ns = _namespaces.Create("snat");
        string[] foreignNat =
        [
            ":KUBE-SERVICES",
            "-A PREROUTING -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES",
            "-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE",
            "-A POSTROUTING -m comment --comment \"kubernetes postrouting rules\" -j MASQUERADE",
            "-A KUBE-SERVICES -d 10.100.0.1/32 -p tcp -m comment --comment \"default/kubernetes:https cluster IP\" -j RETURN",
        ];
        string[] foreignMangle = ["-A PREROUTING -i eth1 -j MARK --set-xmark 0x4000/0x4000"];
        await ThrowawayNamespaces.SeedIptablesAsync(ns, "*nat\n:KUBE-SERVICES - [0:0]\n" + string.Join('\n', foreignNat.Skip(1)) + "\nCOMMIT\n*mangle\n" + foreignMangle[0] + "\nCOMMIT\n");
        using var filter = NewFilter(ns);

        await filter.ApplyAsync(Options(false, true, SnatRandomization.HashRandom, true, ConnmarkBackend.Iptables), CancellationToken.None);

        var nat = await ThrowawayNamespaces.SaveRulesAsync(ns, "nat");
        Assert.Equal(foreignNat, nat.Where(line => !line.Contains("AWS", StringComparison.Ordinal)));
        Assert.Equal(foreignMangle, (await ThrowawayNamespaces.SaveRulesAsync(ns, "mangle")).Where(line => !line.Contains("AWS", StringComparison.Ordinal)));

        await filter.ApplyAsync(Options(true, true, SnatRandomization.HashRandom, false, ConnmarkBackend.Iptables), CancellationToken.None);

        Assert.Equal(foreignNat, await ThrowawayNamespaces.SaveRulesAsync(ns, "nat"));
        Assert.Equal(foreignMangle, await ThrowawayNamespaces.SaveRulesAsync(ns, "mangle"));
    }

    [RootFact]
    public async Task SwitchingConnmarkBackendCleansTheOtherBackendsLeftovers()
    {
        var ns = _namespaces.Create("snat");
        using var filter = NewFilter(ns);
        await filter.ApplyAsync(Options(false, false, SnatRandomization.Prng, true, ConnmarkBackend.Iptables), CancellationToken.None);

        var toNft = await filter.ApplyAsync(Options(false, false, SnatRandomization.Prng, true, ConnmarkBackend.Nftables), CancellationToken.None);

        Assert.True(toNft.NftablesChanged);
        Assert.DoesNotContain(await ThrowawayNamespaces.SaveRulesAsync(ns, "nat"), line => line.Contains("CONNMARK", StringComparison.Ordinal));
        Assert.Equal(ExpectedRules.NftTable(false), await ListNftAsync(ns));

        var back = await filter.ApplyAsync(Options(false, false, SnatRandomization.Prng, true, ConnmarkBackend.Iptables), CancellationToken.None);

        Assert.True(back.NftablesChanged);
        Assert.Null(await ListNftAsync(ns));
        Assert.Equal(
            ExpectedRules.ByChain(ExpectedRules.Nat(false, false, SnatRandomization.Prng, true)),
            ExpectedRules.ByChain(await ThrowawayNamespaces.SaveRulesAsync(ns, "nat")));
    }

    [RootFact]
    public async Task LegacyIptablesKeepsConnmarkInIptablesAndDeletesAStaleNftTable()
    {
        var ns = _namespaces.Create("snat");
        await ThrowawayNamespaces.Runner(ns).RunCheckedAsync("nft", ["-f", "-"], "table ip aws-cni {\n\tchain snat-mark {\n\t}\n}\n", CancellationToken.None);
        using var filter = new LinuxPacketFilter(ThrowawayNamespaces.Runner(ns), IptablesToolset.Legacy, NullLogger<LinuxPacketFilter>.Instance);
        var options = Options(false, true, SnatRandomization.Prng, true, null);

        var first = await filter.ApplyAsync(options, CancellationToken.None);
        var again = await filter.ApplyAsync(options, CancellationToken.None);

        Assert.Equal(ConnmarkBackend.Iptables, first.ConnmarkBackend);
        Assert.True(first.NftablesChanged);
        Assert.True(again.NoChange);
        Assert.Null(await ListNftAsync(ns));
        Assert.Equal(
            ExpectedRules.ByChain(ExpectedRules.Nat(false, true, SnatRandomization.Prng, true)),
            ExpectedRules.ByChain(await ThrowawayNamespaces.SaveRulesAsync(ns, "nat", IptablesToolset.Legacy.Save)));
        Assert.Equal(ExpectedRules.Mangle(false, true), await ThrowawayNamespaces.SaveRulesAsync(ns, "mangle", IptablesToolset.Legacy.Save));
    }

    [RootFact]
    public async Task Ipv6ModeTouchesNothing()
    {
        var ns = _namespaces.Create("snat");
        using var filter = NewFilter(ns);
        var before = await ThrowawayNamespaces.SaveAllWithoutCountersAsync(ns);

        var result = await filter.ApplyAsync(Options(false, true, SnatRandomization.Prng, true, null) with { Ipv6Mode = true }, CancellationToken.None);

        Assert.True(result.Skipped);
        Assert.Null(result.ConnmarkBackend);
        Assert.Equal(before, await ThrowawayNamespaces.SaveAllWithoutCountersAsync(ns));
    }

    [RootFact]
    public async Task WithoutAnNftProgramNodeSetupIsRefusedByNameAndNothingIsProgrammed()
    {
        var ns = _namespaces.Create("snat");
        var tools = ToolDirectory(withNft: null);
        using var filter = new LinuxPacketFilter(ThrowawayNamespaces.Runner(ns, tools.FullName), NullLogger<LinuxPacketFilter>.Instance);

        var error = await Assert.ThrowsAsync<VpcCniException>(
            () => filter.ApplyAsync(Options(false, true, SnatRandomization.Prng, true, ConnmarkBackend.Nftables), CancellationToken.None));

        Assert.Equal(ErrorIds.PacketFilter.NftMissing, error.ErrorId);
        Assert.Contains("'nft'", error.Message, StringComparison.Ordinal);
        Assert.Contains(tools.FullName, error.Message, StringComparison.Ordinal);
        Assert.Empty(await ThrowawayNamespaces.SaveRulesAsync(ns, "nat"));
        Assert.Empty(await ThrowawayNamespaces.SaveRulesAsync(ns, "mangle"));
    }

    [RootFact]
    public async Task SnatIsProgrammedBeforeConnmarkSoAFailingNftLeavesTheNodeWithSnat()
    {
        var ns = _namespaces.Create("snat");
        var tools = ToolDirectory(withNft: "#!/bin/sh\necho 'nft: Could not process rule: Operation not supported' >&2\nexit 1\n");
        using var filter = new LinuxPacketFilter(ThrowawayNamespaces.Runner(ns, tools.FullName), NullLogger<LinuxPacketFilter>.Instance);

        await Assert.ThrowsAsync<CommandFailedException>(
            () => filter.ApplyAsync(Options(false, true, SnatRandomization.Prng, true, ConnmarkBackend.Nftables), CancellationToken.None));

        Assert.Equal(
            ExpectedRules.ByChain(ExpectedRules.Nat(false, true, SnatRandomization.Prng, false)),
            ExpectedRules.ByChain(await ThrowawayNamespaces.SaveRulesAsync(ns, "nat")));
        Assert.Equal(ExpectedRules.Mangle(false, true), await ThrowawayNamespaces.SaveRulesAsync(ns, "mangle"));
    }

    internal static PacketFilterOptions Options(bool externalSnat, bool exclusions, SnatRandomization randomization, bool nodePort, ConnmarkBackend? backend) => new()
    {
        VpcCidrs = [IPNetwork.Parse("10.0.0.0/16"), IPNetwork.Parse("100.64.0.0/16")],
        ExcludedSnatCidrs = exclusions ? ExpectedRules.SomeExclusions.Select(IPNetwork.Parse).ToList() : [],
        NodePrimaryIpv4 = IPAddress.Parse("10.0.1.5"),
        PrimaryInterface = "eth0",
        ExternalSnat = externalSnat,
        Randomization = randomization,
        NodePortSupport = nodePort,
        ForcedConnmarkBackend = backend,
    };

    /// <summary>A directory with the host's iptables programs and, when <paramref name="withNft"/> is a script, an <c>nft</c> made of it.</summary>
    private DirectoryInfo ToolDirectory(string? withNft)
    {
        var directory = Directory.CreateTempSubdirectory("vpccni-tools-");
        _toolDirectories.Add(directory);
        foreach (var tool in new[] { "iptables", "iptables-save", "iptables-restore" })
        {
            File.CreateSymbolicLink(Path.Combine(directory.FullName, tool), new CommandRunner().FindTool(tool)!);
        }

        if (withNft is not null && !OperatingSystem.IsWindows())
        {
            var nft = Path.Combine(directory.FullName, "nft");
            File.WriteAllText(nft, withNft);
            File.SetUnixFileMode(nft, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return directory;
    }

    private static LinuxPacketFilter NewFilter(string ns) => new(ThrowawayNamespaces.Runner(ns), NullLogger<LinuxPacketFilter>.Instance);

    private static async Task<List<string>?> ListNftAsync(string ns)
    {
        var result = await ThrowawayNamespaces.Runner(ns).RunAsync("nft", ["list", "table", "ip", "aws-cni"], null, CancellationToken.None);
        return result.Succeeded ? NftConnmarkRenderer.Normalize(result.StandardOutput).ToList() : null;
    }
}
