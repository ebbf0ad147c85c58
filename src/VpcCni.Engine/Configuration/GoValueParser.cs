using System.Globalization;
using System.Net;
using System.Net.Sockets;
using VpcCni.Engine.Networking;

namespace VpcCni.Engine.Configuration;

/// <summary>
/// Parses configuration text exactly as upstream's Go code does (<c>strconv.ParseBool</c>,
/// <c>strconv.Atoi</c>, <c>strconv.ParseInt(s, 0, 64)</c>, <c>net.ParseCIDR</c>), so values that work
/// with the Go daemon work here. Unlike upstream, the caller turns a failure into an error.
/// </summary>
internal static class GoValueParser
{
    /// <summary>The spellings Go's <c>strconv.ParseBool</c> accepts (https://pkg.go.dev/strconv#ParseBool).</summary>
    public const string BoolForms = "a boolean: 1, t, T, TRUE, true, True, 0, f, F, FALSE, false or False";

    public static bool TryParseBool(string text, out bool value)
    {
        switch (text)
        {
            case "1" or "t" or "T" or "TRUE" or "true" or "True":
                value = true;
                return true;
            case "0" or "f" or "F" or "FALSE" or "false" or "False":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>Go <c>Atoi</c>: optional sign, then ASCII decimal digits only; no spaces, no separators.</summary>
    public static bool TryParseAtoi(string text, out long value)
    {
        value = 0;
        var digits = text.AsSpan();
        if (digits.Length > 0 && (digits[0] == '+' || digits[0] == '-'))
        {
            digits = digits[1..];
        }

        if (digits.IsEmpty || digits.ContainsAnyExcept(AsciiDigits))
        {
            return false;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Go <c>ParseInt(s, 0, 64)</c>: the base follows the prefix (<c>0x</c> hex, <c>0o</c> or a bare
    /// leading <c>0</c> octal, <c>0b</c> binary, else decimal) and underscores may separate digits
    /// (https://go.dev/ref/spec#Integer_literals).
    /// </summary>
    public static bool TryParseIntAutoBase(string text, out long value)
    {
        value = 0;
        var span = text.AsSpan();
        var negative = false;
        if (span.Length > 0 && (span[0] == '+' || span[0] == '-'))
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        var radix = 10;
        var prefixed = false;
        var leadingZero = false;
        if (span.Length >= 2 && span[0] == '0')
        {
            (radix, prefixed) = char.ToLowerInvariant(span[1]) switch
            {
                'x' => (16, true),
                'o' => (8, true),
                'b' => (2, true),
                _ => (8, false),
            };

            // Without a letter, the leading zero itself marks octal and counts as a digit ("0_7" is valid Go).
            leadingZero = !prefixed;
            span = prefixed ? span[2..] : span[1..];
        }

        return TryAccumulate(span, radix, prefixed, leadingZero, negative, out value);
    }

    /// <summary>
    /// Go <c>net.ParseCIDR</c>: an address, a slash and a prefix length. Host bits are allowed and
    /// masked off, as Go returns the network (e.g. <c>10.0.0.1/8</c> → <c>10.0.0.0/8</c>).
    /// </summary>
    public static bool TryParseCidr(string text, out IPNetwork network)
    {
        network = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !IPAddress.TryParse(text.AsSpan(0, slash), out var address) || text.Contains('%', StringComparison.Ordinal))
        {
            return false;
        }

        var lengthText = text.AsSpan(slash + 1);
        var maxLength = address.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;
        if (lengthText.IsEmpty || lengthText.Length > 3 || lengthText.ContainsAnyExcept(AsciiDigits)
            || !int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length > maxLength)
        {
            return false;
        }

        network = new IPNetwork(address.AddressFamily == AddressFamily.InterNetwork ? MaskIpv4(address, length) : MaskIpv6(address, length), length);
        return true;
    }

    private static IPAddress MaskIpv4(IPAddress address, int length) =>
        AddressMath.FromUInt32(AddressMath.ToUInt32(address) & (length == 0 ? 0u : uint.MaxValue << (32 - length)));

    /// <summary>IPv6 has no integer helper (AddressMath is IPv4 only), so its host bits are cleared byte by byte.</summary>
    private static IPAddress MaskIpv6(IPAddress address, int length)
    {
        var bytes = address.GetAddressBytes();
        for (var bit = length; bit < bytes.Length * 8; bit++)
        {
            // Bit masking, not arithmetic: the complement is meant to drop the high bits.
            bytes[bit / 8] &= unchecked((byte)~(0x80 >> (bit % 8)));
        }

        return new IPAddress(bytes);
    }

    private static bool TryAccumulate(ReadOnlySpan<char> span, int radix, bool prefixed, bool leadingZero, bool negative, out long value)
    {
        value = 0;
        var sawDigit = leadingZero;

        // An underscore may follow the base prefix or a digit, never another underscore, and may not end the literal.
        var underscoreAllowed = prefixed || leadingZero;
        var endsWithUnderscore = false;
        var magnitude = 0UL;
        foreach (var c in span)
        {
            if (c == '_')
            {
                if (!underscoreAllowed)
                {
                    return false;
                }

                underscoreAllowed = false;
                endsWithUnderscore = true;
                continue;
            }

            var digit = HexDigit(c);
            if (digit < 0 || digit >= radix || magnitude > (ulong.MaxValue - (ulong)digit) / (ulong)radix)
            {
                return false;
            }

            magnitude = (magnitude * (ulong)radix) + (ulong)digit;
            sawDigit = true;
            underscoreAllowed = true;
            endsWithUnderscore = false;
        }

        if (!sawDigit || endsWithUnderscore)
        {
            return false;
        }

        if (!negative)
        {
            value = magnitude <= long.MaxValue ? (long)magnitude : 0;
            return magnitude <= long.MaxValue;
        }

        if (magnitude > (ulong)long.MaxValue + 1)
        {
            return false;
        }

        value = magnitude == (ulong)long.MaxValue + 1 ? long.MinValue : -(long)magnitude;
        return true;
    }

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static readonly System.Buffers.SearchValues<char> AsciiDigits = System.Buffers.SearchValues.Create("0123456789");
}
