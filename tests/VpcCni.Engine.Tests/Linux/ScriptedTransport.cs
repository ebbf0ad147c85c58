using System.Buffers.Binary;
using VpcCni.Engine.Linux.Netlink;

namespace VpcCni.Engine.Tests.Linux;

/// <summary>
/// A kernel stand-in for codec tests: records every request and answers each with the next scripted
/// batch of replies, stamping them with the request's sequence number.
/// </summary>
internal sealed class ScriptedTransport : INetlinkTransport
{
    private readonly Queue<Func<uint, byte[]>> _replies = new();
    private byte[]? _pending;

    public List<byte[]> Requests { get; } = [];

    public void Reply(Func<uint, byte[]> reply) => _replies.Enqueue(reply);

    public void Send(ReadOnlySpan<byte> datagram)
    {
        Requests.Add(datagram.ToArray());
        var sequence = BinaryPrimitives.ReadUInt32LittleEndian(datagram[8..]);
        _pending = _replies.Dequeue()(sequence);
    }

    public int Receive(Span<byte> buffer)
    {
        var data = _pending ?? throw new InvalidOperationException("Nothing to receive.");
        _pending = null;
        data.CopyTo(buffer);
        return data.Length;
    }

    public void Dispose()
    {
    }

    /// <summary>One message with a raw payload.</summary>
    public static byte[] Message(ushort type, ushort flags, uint sequence, ReadOnlySpan<byte> payload)
    {
        var length = 16 + payload.Length;
        var bytes = new byte[(length + 3) & ~3];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)length);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(4), type);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(6), flags);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), sequence);
        payload.CopyTo(bytes.AsSpan(16));
        return bytes;
    }

    /// <summary>An NLMSG_ERROR carrying <c>-errno</c> (0 = ack).</summary>
    public static byte[] Error(uint sequence, int errno, string? extAck = null)
    {
        var payload = new List<byte>();
        payload.AddRange(BitConverter.GetBytes(-errno));
        payload.AddRange(Message(0, 0, sequence, []));
        ushort flags = 0x100; // NLM_F_CAPPED: only the original header is echoed.
        if (extAck is not null)
        {
            flags |= 0x200; // NLM_F_ACK_TLVS
            var text = System.Text.Encoding.ASCII.GetBytes(extAck + "\0");
            var attr = new byte[(4 + text.Length + 3) & ~3];
            BinaryPrimitives.WriteUInt16LittleEndian(attr, (ushort)(4 + text.Length));
            BinaryPrimitives.WriteUInt16LittleEndian(attr.AsSpan(2), 1);
            text.CopyTo(attr, 4);
            payload.AddRange(attr);
        }

        return Message(2, flags, sequence, payload.ToArray());
    }
}
