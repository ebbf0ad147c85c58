using System.Security.Cryptography;
using System.Text;
using VpcCni.Engine.Linux.Wiring;

namespace VpcCni.Engine.Tests.Linux;

public sealed class Sha1DigestTests
{
    [Theory]
    [InlineData("", "da39a3ee5e6b4b0d3255bfef95601890afd80709")]
    [InlineData("abc", "a9993e364706816aba3e25717850c26c9cd0d89d")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1")]
    public void MatchesTheTestVectorsOfRfc3174(string input, string expected) =>
        Assert.Equal(expected, Convert.ToHexStringLower(Sha1Digest.HashData(Encoding.ASCII.GetBytes(input))));

    [Fact]
    public void MatchesRfc3174sMillionAVector() =>
        Assert.Equal("34aa973cd4c4daa4f61eeb2bdbad27316534016f", Convert.ToHexStringLower(Sha1Digest.HashData(Enumerable.Repeat((byte)'a', 1_000_000).ToArray())));

    [Fact]
    public void AgreesWithTheFrameworksSha1AcrossEveryPaddingBoundary()
    {
        var random = new Random(3174);
        for (var length = 0; length <= 300; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
#pragma warning disable CA5350 // The framework's SHA-1 is the oracle here, not a security use.
            Assert.Equal(SHA1.HashData(data), Sha1Digest.HashData(data));
#pragma warning restore CA5350
        }
    }
}
