using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Linux.PacketFilter;

namespace VpcCni.Engine.Tests.Linux.PacketFilter;

public class IptablesRuleRendererTests
{
    [Fact]
    public void DefaultSettingsRenderSnatIptablesConnmarkAndNodePortRules()
    {
        var options = LinuxPacketFilterTests.Options(false, true, SnatRandomization.Prng, true, null);

        var tables = IptablesRuleRenderer.Render(options, connmarkViaIptables: true, supportsRandomFully: true);

        Assert.Equal(["nat", "mangle"], tables.Select(t => t.Table));
        Assert.Equal(
            ExpectedRules.ByChain(ExpectedRules.Nat(false, true, SnatRandomization.Prng, true).Where(l => l[0] == '-')),
            ExpectedRules.ByChain(tables[0].ToSaveLines()));
        Assert.Equal(ExpectedRules.Mangle(false, true), tables[1].ToSaveLines());
    }

    [Fact]
    public void ConnmarkViaNftablesLeavesNoConnmarkRuleInTheNatTable()
    {
        var options = LinuxPacketFilterTests.Options(false, false, SnatRandomization.Prng, true, null);

        var nat = IptablesRuleRenderer.Render(options, connmarkViaIptables: false, supportsRandomFully: true)[0];

        Assert.Equal(["AWS-SNAT-CHAIN-0"], nat.OwnedChains.Keys);
        Assert.Equal(["POSTROUTING"], nat.SharedChains.Keys);
    }

    [Fact]
    public void ExternalSnatWithoutNodePortRendersNothing()
    {
        var options = LinuxPacketFilterTests.Options(true, true, SnatRandomization.Prng, false, null);

        var tables = IptablesRuleRenderer.Render(options, connmarkViaIptables: true, supportsRandomFully: true);

        Assert.All(tables, t => Assert.Empty(t.ToSaveLines()));
    }

    [Fact]
    public void VethRestoreRuleStaysWhenSnatIsOnEvenWithoutNodePort()
    {
        var options = LinuxPacketFilterTests.Options(false, false, SnatRandomization.None, false, null);

        var mangle = IptablesRuleRenderer.Render(options, connmarkViaIptables: true, supportsRandomFully: true)[1];

        Assert.Equal(
            ["-A PREROUTING -i eni+ -m comment --comment \"AWS, primary ENI\" -j CONNMARK --restore-mark --nfmask 0x80 --ctmask 0x80"],
            mangle.ToSaveLines());
    }

    [Theory]
    [InlineData(SnatRandomization.Prng, true, "--random-fully")]
    [InlineData(SnatRandomization.Prng, false, "--random")]
    [InlineData(SnatRandomization.HashRandom, true, "--random")]
    [InlineData(SnatRandomization.None, true, null)]
    public void PrngFallsBackToRandomWhenRandomFullyIsUnsupported(SnatRandomization mode, bool supportsRandomFully, string? flag)
    {
        Assert.Equal(flag, IptablesRuleRenderer.RandomFlag(mode, supportsRandomFully));
    }

    [Fact]
    public void CustomMarkPrefixAndInterfaceAppearInEveryRule()
    {
        var options = LinuxPacketFilterTests.Options(false, false, SnatRandomization.Prng, true, null) with
        {
            ConnmarkMark = 0x4000,
            VethPrefix = "pod",
            PrimaryInterface = "ens5",
        };

        var lines = IptablesRuleRenderer.Render(options, true, true).SelectMany(t => t.ToSaveLines()).ToList();

        Assert.Contains("-A PREROUTING -i pod+ -m comment --comment \"AWS, outbound connections\" -j AWS-CONNMARK-CHAIN-0", lines);
        Assert.Contains("-A AWS-CONNMARK-CHAIN-0 -m comment --comment \"AWS, CONNMARK\" -j CONNMARK --set-xmark 0x4000/0x4000", lines);
        Assert.Contains("-A PREROUTING -i ens5 -m comment --comment \"AWS, primary ENI\" -m addrtype --dst-type LOCAL --limit-iface-in -j CONNMARK --set-xmark 0x4000/0x4000", lines);
        Assert.Contains("-A PREROUTING -i pod+ -m comment --comment \"AWS, primary ENI\" -j CONNMARK --restore-mark --nfmask 0x4000 --ctmask 0x4000", lines);
        Assert.DoesNotContain(lines, l => l.Contains("0x80", StringComparison.Ordinal) || l.Contains("eni+", StringComparison.Ordinal));
    }

    [Fact]
    public void DuplicateCidrsRenderOneRule()
    {
        var options = LinuxPacketFilterTests.Options(false, false, SnatRandomization.Prng, false, null) with
        {
            VpcCidrs = [System.Net.IPNetwork.Parse("10.0.0.0/16"), System.Net.IPNetwork.Parse("10.0.0.0/16")],
        };

        var snat = IptablesRuleRenderer.Render(options, false, true)[0].OwnedChains[IptablesRuleRenderer.SnatChain];

        Assert.Equal(2, snat.Count);
    }

    [Fact]
    public void InvalidOptionsAreRejectedBeforeRendering()
    {
        var options = LinuxPacketFilterTests.Options(false, false, SnatRandomization.Prng, true, null) with { VethPrefix = "vlan" };

        var error = Assert.Throws<VpcCniException>(() => IptablesRuleRenderer.Render(options, true, true));

        Assert.Equal(ErrorIds.PacketFilter.InvalidVethPrefix, error.ErrorId);
    }
}
