using VpcCni.Engine.Errors;
using VpcCni.Engine.Linux;
using VpcCni.Engine.Linux.Netlink;

namespace VpcCni.Engine.Tests.Linux;

public sealed class NetlinkConnectionTests
{
    private static readonly byte[] LinkPayload = new byte[16];

    [Fact]
    public void InterruptedDumpIsRepeatedAndOnlyTheCleanResultIsReturned()
    {
        var transport = new ScriptedTransport();
        transport.Reply(seq => [.. ScriptedTransport.Message(16, 0x2 | 0x10, seq, LinkPayload), .. ScriptedTransport.Message(3, 0x2 | 0x10, seq, new byte[4])]);
        transport.Reply(seq => [.. ScriptedTransport.Message(16, 0x2, seq, LinkPayload), .. ScriptedTransport.Message(16, 0x2, seq, LinkPayload), .. ScriptedTransport.Message(3, 0x2, seq, new byte[4])]);
        using var connection = new NetlinkConnection(transport);

        var links = connection.Dump(LinkCodec.Dump, "list links");

        Assert.Equal(2, links.Count);
        Assert.Equal(2, transport.Requests.Count);
    }

    [Fact]
    public void DumpThatKeepsBeingInterruptedFailsAfterTheConfiguredAttempts()
    {
        var transport = new ScriptedTransport();
        for (var i = 0; i < 3; i++)
        {
            transport.Reply(seq => ScriptedTransport.Message(3, 0x2 | 0x10, seq, new byte[4]));
        }

        using var connection = new NetlinkConnection(transport, dumpAttempts: 3);

        var e = Assert.Throws<NetlinkException>(() => connection.Dump(LinkCodec.Dump, "list links"));
        Assert.Equal(4, e.Errno);
        Assert.Equal(3, transport.Requests.Count);
    }

    [Fact]
    public void KernelErrorsBecomeTypedExceptionsWithTheExtendedAckText()
    {
        var transport = new ScriptedTransport();
        transport.Reply(seq => ScriptedTransport.Error(seq, 17, "File exists"));
        transport.Reply(seq => ScriptedTransport.Error(seq, 3));
        transport.Reply(seq => ScriptedTransport.Error(seq, 95, "Unknown device type"));
        transport.Reply(seq => ScriptedTransport.Error(seq, 0));
        using var connection = new NetlinkConnection(transport);
        var rule = new RuleEntry(512, 254);

        var exists = Assert.Throws<NetlinkAlreadyExistsException>(() => connection.Execute(RuleCodec.Add(rule), "add rule"));
        Assert.Contains("File exists", exists.Message, StringComparison.Ordinal);
        Assert.Throws<NetlinkNotFoundException>(() => connection.Execute(RuleCodec.Delete(rule), "delete rule"));
        Assert.Equal(ErrorIds.Netlink.NotSupported, Assert.Throws<NetlinkNotSupportedException>(() => connection.Execute(LinkCodec.CreateDummy("d0", null), "create")).ErrorId);
        connection.Execute(RuleCodec.Add(rule), "add rule");
    }

    [Fact]
    public void RepliesToOtherSequenceNumbersAreIgnored()
    {
        var transport = new ScriptedTransport();
        transport.Reply(seq => [.. ScriptedTransport.Error(seq + 100, 17), .. ScriptedTransport.Error(seq, 0)]);
        using var connection = new NetlinkConnection(transport);

        connection.Execute(RuleCodec.Add(new RuleEntry(512, 254)), "add rule");

        Assert.Single(transport.Requests);
    }
}
