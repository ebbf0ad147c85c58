using System.Buffers.Binary;

namespace VpcCni.Engine.Linux.Netlink;

/// <summary>
/// Request/acknowledge and dump exchanges over one transport. Every request asks for an ack
/// (NLM_F_ACK) so errors surface as typed exceptions. A dump whose messages carry NLM_F_DUMP_INTR
/// (the table changed while it was being walked) is thrown away and repeated, as
/// containernetworking/plugins <c>pkg/netlinksafe</c> does.
/// </summary>
internal sealed class NetlinkConnection : IDisposable
{
    private readonly INetlinkTransport _transport;
    private readonly Lock _gate = new();
    private readonly byte[] _buffer = new byte[1 << 17];
    private uint _sequence;

    public NetlinkConnection(INetlinkTransport transport, int dumpAttempts = 10)
    {
        _transport = transport;
        DumpAttempts = dumpAttempts;
    }

    /// <summary>How many times a dump is tried before an interrupted result is reported as an error.</summary>
    public int DumpAttempts { get; }

    /// <summary>Sends a request and waits for its acknowledgement; a kernel error becomes a typed exception.</summary>
    public void Execute(NetlinkMessageWriter request, string operation)
    {
        lock (_gate)
        {
            var sequence = ++_sequence;
            _transport.Send(request.Finish(sequence));
            while (true)
            {
                foreach (var message in ReceiveBatch())
                {
                    if (message.Sequence != sequence || message.Type != Rtnl.NlmsgError)
                    {
                        continue;
                    }

                    ThrowIfError(message, operation);
                    return;
                }
            }
        }
    }

    /// <summary>Runs a dump (NLM_F_DUMP) and returns every reply message, repeating interrupted dumps.</summary>
    public List<NetlinkMessage> Dump(Func<NetlinkMessageWriter> build, string operation)
    {
        for (var attempt = 1; attempt <= DumpAttempts; attempt++)
        {
            if (DumpOnce(build(), operation) is { } complete)
            {
                return complete;
            }
        }

        throw new NetlinkException(4, $"{operation} dump was interrupted by concurrent changes {DumpAttempts} times in a row (NLM_F_DUMP_INTR); try again.");
    }

    public void Dispose() => _transport.Dispose();

    private List<NetlinkMessage>? DumpOnce(NetlinkMessageWriter request, string operation)
    {
        lock (_gate)
        {
            var sequence = ++_sequence;
            _transport.Send(request.Finish(sequence));
            var replies = new List<NetlinkMessage>();
            var interrupted = false;
            while (true)
            {
                foreach (var message in ReceiveBatch())
                {
                    if (message.Sequence != sequence)
                    {
                        continue;
                    }

                    interrupted |= (message.Flags & Rtnl.FDumpIntr) != 0;
                    switch (message.Type)
                    {
                        case Rtnl.NlmsgDone:
                            return interrupted ? null : replies;
                        case Rtnl.NlmsgError:
                            ThrowIfError(message, operation);
                            return interrupted ? null : replies;
                        case Rtnl.NlmsgNoop:
                            break;
                        default:
                            replies.Add(message);
                            break;
                    }
                }
            }
        }
    }

    private List<NetlinkMessage> ReceiveBatch()
    {
        var length = _transport.Receive(_buffer);
        return NetlinkMessage.Split(_buffer.AsMemory(0, length).ToArray());
    }

    /// <summary>Decodes <c>struct nlmsgerr</c> and, when present, the NLMSGERR_ATTR_MSG extended-ack text.</summary>
    private static void ThrowIfError(NetlinkMessage message, string operation)
    {
        var payload = message.Payload;
        if (payload.Length < 4)
        {
            throw new NetlinkException(0, $"{operation}: truncated netlink error message.");
        }

        var error = BinaryPrimitives.ReadInt32LittleEndian(payload.Span);
        if (error == 0)
        {
            return;
        }

        string? text = null;
        if ((message.Flags & Rtnl.FAckTlvs) != 0 && payload.Length >= 4 + Rtnl.HeaderLength)
        {
            var original = (int)BinaryPrimitives.ReadUInt32LittleEndian(payload.Span[4..]);
            var skip = 4 + ((message.Flags & Rtnl.FCapped) != 0 ? Rtnl.HeaderLength : Rtnl.Align(original));
            if (skip <= payload.Length)
            {
                text = NetlinkAttributes.Parse(payload[skip..]).String(Rtnl.NlmsgErrAttrMsg);
            }
        }

        throw NetlinkException.FromErrno(-error, operation, text);
    }
}
