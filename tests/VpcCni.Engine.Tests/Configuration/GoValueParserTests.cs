using VpcCni.Engine.Configuration;

namespace VpcCni.Engine.Tests.Configuration;

public class GoValueParserTests
{
    [Theory]
    [InlineData("yes")]
    [InlineData("tRue")]
    [InlineData(" true")]
    [InlineData("")]
    [InlineData("on")]
    public void ParseBoolRejectsWhatGoRejects(string text)
    {
        Assert.False(GoValueParser.TryParseBool(text, out _));
    }

    [Theory]
    [InlineData("42", 42L)]
    [InlineData("+7", 7L)]
    [InlineData("-3", -3L)]
    [InlineData("007", 7L)]
    public void AtoiAcceptsSignedDecimalDigits(string text, long expected)
    {
        Assert.True(GoValueParser.TryParseAtoi(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("+")]
    [InlineData("1_000")]
    [InlineData("0x10")]
    [InlineData("1e3")]
    [InlineData("5 ")]
    [InlineData("٣")]
    [InlineData("99999999999999999999")]
    public void AtoiRejectsAnythingButPlainDecimal(string text)
    {
        Assert.False(GoValueParser.TryParseAtoi(text, out _));
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("1_000", 1000L)]
    [InlineData("0_7", 7L)]
    [InlineData("0xff", 255L)]
    [InlineData("-0x80", -128L)]
    [InlineData("0B101", 5L)]
    [InlineData("0O17", 15L)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void ParseIntWithBaseZeroFollowsGoLiteralSyntax(string text, long expected)
    {
        Assert.True(GoValueParser.TryParseIntAutoBase(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("0x")]
    [InlineData("08")]
    [InlineData("_1")]
    [InlineData("1__0")]
    [InlineData("1_")]
    [InlineData("0x__1")]
    [InlineData("9223372036854775808")]
    [InlineData("0b2")]
    public void ParseIntWithBaseZeroRejectsInvalidLiterals(string text)
    {
        Assert.False(GoValueParser.TryParseIntAutoBase(text, out _));
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.0.0.0/8")]
    [InlineData("192.168.1.77/24", "192.168.1.0/24")]
    [InlineData("0.0.0.0/0", "0.0.0.0/0")]
    [InlineData("10.1.2.3/0", "0.0.0.0/0")]
    [InlineData("10.255.255.255/31", "10.255.255.254/31")]
    [InlineData("10.1.2.3/32", "10.1.2.3/32")]
    [InlineData("fd00::1/64", "fd00::/64")]
    public void ParseCidrMasksHostBitsLikeGo(string text, string expected)
    {
        Assert.True(GoValueParser.TryParseCidr(text, out var network));
        Assert.Equal(expected, network.ToString());
    }

    [Theory]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0.0/")]
    [InlineData("10.0.0.0/33")]
    [InlineData("/8")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("fe80::1%eth0/64")]
    public void ParseCidrRejectsMalformedText(string text)
    {
        Assert.False(GoValueParser.TryParseCidr(text, out _));
    }
}
