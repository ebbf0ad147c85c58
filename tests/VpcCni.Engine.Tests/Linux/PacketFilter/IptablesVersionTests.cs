using VpcCni.Engine.Errors;
using VpcCni.Engine.Linux.PacketFilter;

namespace VpcCni.Engine.Tests.Linux.PacketFilter;

public class IptablesVersionTests
{
    [Theory]
    [InlineData("iptables v1.8.9 (nf_tables)\n", true, true, ConnmarkBackend.Nftables)]
    [InlineData("iptables v1.8.4 (legacy)\n", false, true, ConnmarkBackend.Iptables)]
    [InlineData("iptables v1.6.2\n", false, true, ConnmarkBackend.Iptables)]
    [InlineData("iptables v1.6.1\n", false, false, ConnmarkBackend.Iptables)]
    [InlineData("iptables v1.4.21\n", false, false, ConnmarkBackend.Iptables)]
    public void ParseDerivesModeRandomFullySupportAndConnmarkBackend(string output, bool nfTables, bool randomFully, ConnmarkBackend backend)
    {
        var version = IptablesVersion.Parse(output);

        Assert.Equal(nfTables, version.IsNfTables);
        Assert.Equal(randomFully, version.SupportsRandomFully);
        Assert.Equal(backend, version.ConnmarkBackend);
    }

    [Theory]
    [InlineData("iptables v1.8.7 (nftables)\n")]
    [InlineData("iptables v1.8.10 (nf_tables): table compat\n")]
    public void AnyModeOtherThanLegacyMeansNfTables(string output)
    {
        var version = IptablesVersion.Parse(output);

        Assert.True(version.IsNfTables);
        Assert.Equal(ConnmarkBackend.Nftables, version.ConnmarkBackend);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n")]
    public void EmptyOutputIsRejectedWithItsOwnErrorId(string output)
    {
        var error = Assert.Throws<VpcCniException>(() => IptablesVersion.Parse(output));

        Assert.Equal(ErrorIds.PacketFilter.EmptyIptablesVersion, error.ErrorId);
        Assert.Contains("printed nothing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseRejectsOutputWithoutAVersionAndQuotesIt()
    {
        var error = Assert.Throws<VpcCniException>(() => IptablesVersion.Parse("command not found"));

        Assert.Equal(ErrorIds.PacketFilter.UnrecognisedIptablesVersion, error.ErrorId);
        Assert.Contains("command not found", error.Message, StringComparison.Ordinal);
    }
}
