using System.Net;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Linux.PacketFilter;

namespace VpcCni.Engine.Tests.Linux.PacketFilter;

public class NftConnmarkRendererTests
{
    [Fact]
    public void ScriptReplacesTheWholeTableInOneFile()
    {
        var options = LinuxPacketFilterTests.Options(false, false, SnatRandomization.Prng, true, null);

        var script = NftConnmarkRenderer.RenderScript(options);

        Assert.Equal(
            """
            table ip aws-cni
            delete table ip aws-cni
            table ip aws-cni {
            	chain nat-prerouting {
            		type nat hook prerouting priority -90; policy accept;
            		fib daddr type local counter return
            		iifname "eni*" counter jump snat-mark
            		counter meta mark set ct mark and 0x80
            	}
            	chain snat-mark {
            		ip daddr 10.0.0.0/16 counter return
            		ip daddr 100.64.0.0/16 counter return
            		counter ct mark set ct mark or 0x80
            	}
            }

            """,
            script);
    }

    [Fact]
    public void ExpectedListingMatchesHowNftPrintsTheRenderedTable()
    {
        var options = LinuxPacketFilterTests.Options(false, true, SnatRandomization.Prng, true, null);

        Assert.Equal(ExpectedRules.NftTable(withExclusions: true), NftConnmarkRenderer.ExpectedListing(options));
    }

    [Fact]
    public void HostRoutesListWithoutPrefixLengthAndMarkIsZeroPadded()
    {
        var options = LinuxPacketFilterTests.Options(false, false, SnatRandomization.Prng, true, null) with
        {
            ExcludedSnatCidrs = [IPNetwork.Parse("192.0.2.7/32")],
            ConnmarkMark = 0x4000,
        };

        var listing = NftConnmarkRenderer.ExpectedListing(options);

        Assert.Contains("ip daddr 192.0.2.7 counter return", listing);
        Assert.Contains("counter ct mark set ct mark | 0x00004000", listing);
    }

    [Fact]
    public void NormalizeDropsCounterValuesIndentationBlankLinesAndComments()
    {
        const string Listing = "# Warning: table ip nat is managed by iptables-nft\ntable ip aws-cni {\n\tchain snat-mark {\n\t\tip daddr 10.0.0.0/16 counter packets 12 bytes 3400 return\n\t}\n\n}\n";

        Assert.Equal(
            ["table ip aws-cni {", "chain snat-mark {", "ip daddr 10.0.0.0/16 counter return", "}", "}"],
            NftConnmarkRenderer.Normalize(Listing));
    }
}
