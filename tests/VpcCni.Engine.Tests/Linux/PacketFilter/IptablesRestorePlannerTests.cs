using VpcCni.Engine.Linux.PacketFilter;

namespace VpcCni.Engine.Tests.Linux.PacketFilter;

public class IptablesRestorePlannerTests
{
    private const string Jump = "-m comment --comment \"AWS SNAT CHAIN\" -j AWS-SNAT-CHAIN-0";
    private const string Vpc = "-d 10.0.0.0/16 -m comment --comment \"AWS SNAT CHAIN\" -j RETURN";
    private const string Snat = "! -o vlan+ -m comment --comment \"AWS, SNAT\" -m addrtype ! --dst-type LOCAL -j SNAT --to-source 10.0.1.5";
    private const string Foreign = "-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE";

    [Fact]
    public void MatchingStateNeedsNoTransaction()
    {
        var current = Snapshot(
            ":POSTROUTING ACCEPT [9:9]", ":AWS-SNAT-CHAIN-0 - [0:0]",
            $"-A POSTROUTING {Foreign}", $"-A POSTROUTING {Jump}", $"-A AWS-SNAT-CHAIN-0 {Vpc}", $"-A AWS-SNAT-CHAIN-0 {Snat}");

        Assert.Null(IptablesRestorePlanner.Plan(Desired(), current));
    }

    [Fact]
    public void EmptyTableGetsChainDeclarationThenEveryRule()
    {
        var script = IptablesRestorePlanner.Plan(Desired(), Snapshot());

        Assert.Equal(
            $"*nat\n:AWS-SNAT-CHAIN-0 - [0:0]\n-A AWS-SNAT-CHAIN-0 {Vpc}\n-A AWS-SNAT-CHAIN-0 {Snat}\n-A POSTROUTING {Jump}\nCOMMIT\n",
            script);
    }

    [Fact]
    public void ChangedOwnedChainIsFlushedAndRewrittenWhileForeignRulesGetNoLine()
    {
        var current = Snapshot(
            ":POSTROUTING ACCEPT [0:0]", ":AWS-SNAT-CHAIN-0 - [0:0]",
            $"-A POSTROUTING {Foreign}", $"-A POSTROUTING {Jump}",
            "-A AWS-SNAT-CHAIN-0 -d 172.31.0.0/16 -m comment --comment \"AWS SNAT CHAIN\" -j RETURN", $"-A AWS-SNAT-CHAIN-0 {Snat}");

        var script = IptablesRestorePlanner.Plan(Desired(), current);

        Assert.Equal(
            $"*nat\n:AWS-SNAT-CHAIN-0 - [0:0]\n-F AWS-SNAT-CHAIN-0\n-A AWS-SNAT-CHAIN-0 {Vpc}\n-A AWS-SNAT-CHAIN-0 {Snat}\nCOMMIT\n",
            script);
    }

    [Fact]
    public void StaleChainsLoseTheirJumpsAndAreFlushedBeforeAnyIsDeleted()
    {
        var current = Snapshot(
            ":PREROUTING ACCEPT [0:0]", ":POSTROUTING ACCEPT [0:0]", ":AWS-SNAT-CHAIN-0 - [0:0]", ":AWS-SNAT-CHAIN-1 - [0:0]", ":AWS-CONNMARK-CHAIN-0 - [0:0]",
            "-A PREROUTING -i eni+ -m comment --comment \"AWS, outbound connections\" -m state --state NEW -j AWS-CONNMARK-CHAIN-0",
            $"-A POSTROUTING {Jump}", $"-A AWS-SNAT-CHAIN-0 {Vpc}", $"-A AWS-SNAT-CHAIN-0 {Snat}",
            "-A AWS-CONNMARK-CHAIN-0 -j AWS-SNAT-CHAIN-1", "-A AWS-SNAT-CHAIN-1 -j RETURN");

        var lines = IptablesRestorePlanner.Plan(Desired(), current)!.Split('\n');

        Assert.Equal(
            [
                "*nat",
                "-D PREROUTING -i eni+ -m comment --comment \"AWS, outbound connections\" -m state --state NEW -j AWS-CONNMARK-CHAIN-0",
                "-F AWS-SNAT-CHAIN-1", "-F AWS-CONNMARK-CHAIN-0", "-X AWS-SNAT-CHAIN-1", "-X AWS-CONNMARK-CHAIN-0",
                "COMMIT", string.Empty,
            ],
            lines);
    }

    [Fact]
    public void OwnedRulesOutOfOrderInABuiltInChainAreDeletedAndAppendedInOrder()
    {
        const string Restore = "-m comment --comment \"AWS, CONNMARK\" -j CONNMARK --restore-mark --nfmask 0x80 --ctmask 0x80";
        const string ConnJump = "-i eni+ -m comment --comment \"AWS, outbound connections\" -j AWS-CONNMARK-CHAIN-0";
        var desired = new IptablesDesiredTable("nat");
        desired.AddShared("PREROUTING", ConnJump);
        desired.AddShared("PREROUTING", Restore);
        desired.AddOwned("AWS-CONNMARK-CHAIN-0", "-j RETURN");
        var current = Snapshot(
            ":PREROUTING ACCEPT [0:0]", ":AWS-CONNMARK-CHAIN-0 - [0:0]",
            $"-A PREROUTING {Restore}", "-A PREROUTING -j KUBE-SERVICES", $"-A PREROUTING {ConnJump}", "-A AWS-CONNMARK-CHAIN-0 -j RETURN");

        var script = IptablesRestorePlanner.Plan(desired, current);

        Assert.Equal(
            $"*nat\n-D PREROUTING {Restore}\n-D PREROUTING {ConnJump}\n-A PREROUTING {ConnJump}\n-A PREROUTING {Restore}\nCOMMIT\n",
            script);
    }

    [Fact]
    public void SharedChainWithoutAPolicyLineIsStillComparedByItsOwnedRules()
    {
        var current = Snapshot(
            ":AWS-SNAT-CHAIN-0 - [0:0]",
            $"-A POSTROUTING {Foreign}", $"-A AWS-SNAT-CHAIN-0 {Vpc}", $"-A AWS-SNAT-CHAIN-0 {Snat}");

        Assert.Equal($"*nat\n-A POSTROUTING {Jump}\nCOMMIT\n", IptablesRestorePlanner.Plan(Desired(), current));
    }

    private static IptablesDesiredTable Desired()
    {
        var desired = new IptablesDesiredTable("nat");
        desired.AddShared("POSTROUTING", Jump);
        desired.AddOwned("AWS-SNAT-CHAIN-0", Vpc);
        desired.AddOwned("AWS-SNAT-CHAIN-0", Snat);
        return desired;
    }

    private static IptablesTableSnapshot Snapshot(params string[] lines) =>
        IptablesTableSnapshot.Parse("nat", "*nat\n" + string.Join('\n', lines) + "\nCOMMIT\n");
}
