using System.Buffers.Binary;
using System.Numerics;

namespace VpcCni.Engine.Linux.Wiring;

/// <summary>
/// SHA-1 (RFC 3174, FIPS 180-4 §6.1) in managed code, for the one place that needs it: the host veth
/// name, which must equal upstream's sha1-derived name byte for byte.
/// </summary>
/// <remarks>
/// Not for security. <c>System.Security.Cryptography.SHA1</c> on Linux calls OpenSSL, and loading
/// libssl and libcrypto and reading <c>openssl.cnf</c> cost the plugin some 2.5 ms on every pod ADD
/// and DEL, more than a tenth of the whole call (docs/plugin.md, "Start-up"). The digest of a name of a
/// few dozen bytes takes microseconds here. Tests check it against RFC 3174's vectors and against the
/// framework's SHA1 on random inputs.
/// </remarks>
internal static class Sha1Digest
{
    /// <summary>The 20-byte digest of <paramref name="data"/>.</summary>
    public static byte[] HashData(ReadOnlySpan<byte> data)
    {
        Span<uint> h = [0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u, 0xC3D2E1F0u];
        Span<uint> w = stackalloc uint[80];

        // Message padding (RFC 3174 §4): 0x80, zeros, then the length in bits as a big-endian 64-bit number.
        var total = ((data.Length + 8) / 64 + 1) * 64;
        var padded = total <= 256 ? stackalloc byte[total] : new byte[total];
        padded.Clear();
        data.CopyTo(padded);
        padded[data.Length] = 0x80;
        BinaryPrimitives.WriteUInt64BigEndian(padded[^8..], checked((ulong)data.Length * 8));

        for (var block = 0; block < total; block += 64)
        {
            for (var t = 0; t < 16; t++)
            {
                w[t] = BinaryPrimitives.ReadUInt32BigEndian(padded.Slice(block + (t * 4), 4));
            }

            for (var t = 16; t < 80; t++)
            {
                w[t] = BitOperations.RotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
            }

            Compress(h, w);
        }

        var digest = new byte[20];
        for (var i = 0; i < 5; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest.AsSpan(i * 4), h[i]);
        }

        return digest;
    }

    /// <summary>The 80 rounds of one block (RFC 3174 §6.1, method 1).</summary>
    private static void Compress(Span<uint> h, ReadOnlySpan<uint> w)
    {
        var (a, b, c, d, e) = (h[0], h[1], h[2], h[3], h[4]);
        for (var t = 0; t < 80; t++)
        {
            var (f, k) = t switch
            {
                < 20 => ((b & c) | (~b & d), 0x5A827999u),
                < 40 => (b ^ c ^ d, 0x6ED9EBA1u),
                < 60 => ((b & c) | (b & d) | (c & d), 0x8F1BBCDCu),
                _ => (b ^ c ^ d, 0xCA62C1D6u),
            };
            var temp = unchecked(BitOperations.RotateLeft(a, 5) + f + e + k + w[t]);
            (e, d, c, b, a) = (d, c, BitOperations.RotateLeft(b, 30), a, temp);
        }

        h[0] = unchecked(h[0] + a);
        h[1] = unchecked(h[1] + b);
        h[2] = unchecked(h[2] + c);
        h[3] = unchecked(h[3] + d);
        h[4] = unchecked(h[4] + e);
    }
}
