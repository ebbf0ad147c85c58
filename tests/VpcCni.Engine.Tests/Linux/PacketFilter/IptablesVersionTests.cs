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

    [Fact]
    public void ParseRejectsOutputWithoutAVersionAndQuotesIt()
    {
        var error = Assert.Throws<VpcCniException>(() => IptablesVersion.Parse("command not found"));

        Assert.Equal(ErrorIds.PacketFilter.UnrecognisedIptablesVersion, error.ErrorId);
        Assert.Contains("command not found", error.Message, StringComparison.Ordinal);
    }
}
