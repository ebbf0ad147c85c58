namespace VpcCni.Engine.Linux.Netlink;

/// <summary>Datagram exchange with the kernel; the seam that lets the codec and retry logic run without root.</summary>
internal interface INetlinkTransport : IDisposable
{
    void Send(ReadOnlySpan<byte> datagram);

    /// <summary>Receives one datagram into <paramref name="buffer"/> and returns its length.</summary>
    int Receive(Span<byte> buffer);
}
