using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Simulator.Ec2;

/// <summary>
/// Checks the <c>Authorization: AWS4-HMAC-SHA256 …</c> header of an EC2 request the way AWS
/// describes it (AWS General Reference, "Signature Version 4 signing process" and "Create a
/// canonical request"): canonical request → string to sign → HMAC-SHA256 key derived from the
/// secret, date, region and service. Unknown key: AuthFailure; wrong signature or scope:
/// SignatureDoesNotMatch; a date too far from the simulator's clock: RequestExpired.
/// </summary>
internal static class SigV4Verifier
{
    private const string Algorithm = "AWS4-HMAC-SHA256";

    public static void Verify(HttpRequest request, byte[] body, ScenarioAuthentication auth, string region, DateTimeOffset now)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            throw Refused("MissingAuthenticationToken");
        }

        var (keyId, scope, signedHeaders, signature) = Parse(header);
        var credential = auth.Credentials.Find(c => c.AccessKeyId == keyId)
            ?? throw Refused("AuthFailure");
        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            throw new Ec2Exception("IncompleteSignature", "The request must carry an X-Amz-Date header (yyyyMMddTHHmmssZ).");
        }

        if ((now - signedAt).Duration() > TimeSpan.FromSeconds(auth.MaxClockSkewSeconds))
        {
            throw new Ec2Exception("RequestExpired", string.Create(CultureInfo.InvariantCulture, $"Request has expired: signed at {signedAt:yyyy-MM-ddTHH:mm:ssZ}, the server's time is {now:yyyy-MM-ddTHH:mm:ssZ}."));
        }

        var parts = scope.Split('/');
        if (parts.Length != 4 || parts[0] != amzDate[..8] || parts[1] != region || parts[2] != "ec2" || parts[3] != "aws4_request")
        {
            throw new Ec2Exception("SignatureDoesNotMatch", $"Credential should be scoped to '{amzDate[..Math.Min(8, amzDate.Length)]}/{region}/ec2/aws4_request', not '{scope}'.");
        }

        var canonical = CanonicalRequest(request, signedHeaders, body);
        var stringToSign = $"{Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + credential.SecretAccessKey), parts[0]);
        key = Hmac(key, parts[1]);
        key = Hmac(key, parts[2]);
        key = Hmac(key, parts[3]);
        var expected = Hex(Hmac(key, stringToSign));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)))
        {
            throw Refused("SignatureDoesNotMatch");
        }
    }

    private static (string KeyId, string Scope, string[] SignedHeaders, string Signature) Parse(string header)
    {
        if (!header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            throw new Ec2Exception("IncompleteSignature", $"Authorization header must use {Algorithm}.");
        }

        var fields = header[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
        if (!fields.TryGetValue("Credential", out var credential) || !fields.TryGetValue("SignedHeaders", out var signed) || !fields.TryGetValue("Signature", out var signature)
            || credential.IndexOf('/', StringComparison.Ordinal) is not (> 0 and var slash))
        {
            throw new Ec2Exception("IncompleteSignature", "Authorization header requires Credential, SignedHeaders and Signature.");
        }

        return (credential[..slash], credential[(slash + 1)..], signed.Split(';'), signature);
    }

    private static string CanonicalRequest(HttpRequest request, string[] signedHeaders, byte[] body)
    {
        var path = request.Path.HasValue ? request.Path.Value! : "/";
        var uri = string.Join('/', path.Split('/').Select(Encode));
        var query = string.Join('&', request.Query
            .SelectMany(q => q.Value.Select(v => (Key: Encode(q.Key), Value: Encode(v ?? string.Empty))))
            .OrderBy(q => q.Key, StringComparer.Ordinal).ThenBy(q => q.Value, StringComparer.Ordinal)
            .Select(q => $"{q.Key}={q.Value}"));
        var headers = new StringBuilder();
        foreach (var name in signedHeaders)
        {
            var values = request.Headers[name].Select(v => string.Join(' ', (v ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries)));
            headers.Append(name).Append(':').Append(string.Join(',', values)).Append('\n');
        }

        return $"{request.Method}\n{uri}\n{query}\n{headers}\n{string.Join(';', signedHeaders)}\n{Hex(SHA256.HashData(body))}";
    }

    /// <summary>RFC 3986 percent-encoding of everything but unreserved characters, as SigV4 requires.</summary>
    private static string Encode(string value) => Uri.EscapeDataString(value);

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static Ec2Exception Refused(string code) => new(code, Ec2ErrorCodes.DefaultMessage(code));
}
