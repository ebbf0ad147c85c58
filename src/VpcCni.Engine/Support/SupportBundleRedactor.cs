using System.Text.Json;
using System.Text.RegularExpressions;

namespace VpcCni.Engine.Support;

/// <summary>
/// What a support bundle never carries, with or without -Redact: AWS access key ids, secret keys,
/// session and IMDS tokens, bearer tokens, passwords and private keys, wherever they appear
/// (<see cref="Scrub"/>). With -Redact, also every value of an environment file or settings object,
/// keeping the names (<see cref="RedactValues"/>), so a bundle shows which variables were set
/// without showing to what (docs/support-bundle.md, "Redaction").
/// </summary>
public static partial class SupportBundleRedactor
{
    /// <summary>What replaces a masked value.</summary>
    public const string Mask = "<redacted>";

    /// <summary>Masks secret-looking text anywhere in <paramref name="text"/>.</summary>
    public static string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = PrivateKey().Replace(text, "-----BEGIN PRIVATE KEY-----" + Mask + "-----END PRIVATE KEY-----");
        text = AccessKeyId().Replace(text, Mask);
        text = Bearer().Replace(text, "$1" + Mask);
        text = JsonSecret().Replace(text, "$1\"" + Mask + "\"");
        return Assignment().Replace(text, m => m.Groups["value"].Value == Mask ? m.Value : m.Groups["lead"].Value + Mask);
    }

    /// <summary>With -Redact: every value of an environment file or settings object masked, names kept; other content unchanged.</summary>
    public static string RedactValues(string text, SupportBundleContent content)
    {
        ArgumentNullException.ThrowIfNull(text);
        return content switch
        {
            SupportBundleContent.EnvironmentFile => EnvironmentLine().Replace(text, "$1" + Mask),
            SupportBundleContent.EnvironmentJson => RedactJsonValues(text),
            _ => text,
        };
    }

    private static string RedactJsonValues(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                using var buffer = new MemoryStream();
                using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    json.WriteStartObject();
                    foreach (var setting in document.RootElement.EnumerateObject())
                    {
                        json.WriteString(setting.Name, Mask);
                    }

                    json.WriteEndObject();
                }

                return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
            }
        }
        catch (JsonException)
        {
            // Not JSON after all (an error page): mask every "name": value pair the text form shows.
        }

        return JsonValue().Replace(text, "$1\"" + Mask + "\"");
    }

    // AWS access key ids: AKIA (long-term) and ASIA (temporary), 20 upper-case characters (IAM user guide, "Understanding unique ID prefixes").
    [GeneratedRegex(@"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b")]
    private static partial Regex AccessKeyId();

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----")]
    private static partial Regex PrivateKey();

    // RFC 6750 §2.1: "Authorization: Bearer <token>".
    [GeneratedRegex(@"(?i)\b(Bearer\s+)[A-Za-z0-9._~+/=-]+")]
    private static partial Regex Bearer();

    [GeneratedRegex(@"(?i)(""[^""\n]*(?:secret|token|password|passwd|credential|api[_-]?key|private[_-]?key)[^""\n]*""\s*:\s*)""[^""\n]*""")]
    private static partial Regex JsonSecret();

    // NAME=value, NAME: value (headers such as X-aws-ec2-metadata-token), whatever the name's case.
    [GeneratedRegex(@"(?i)(?<lead>\b[A-Za-z0-9_.-]*(?:secret|token|password|passwd|credential|session[_-]?key|api[_-]?key|private[_-]?key)[A-Za-z0-9_.-]*\s*[=:]\s*""?)(?<value>[^\s""',;]+)")]
    private static partial Regex Assignment();

    // An environment-file line (systemd.exec(5), EnvironmentFile=): optional "export", a name, "=", the rest.
    [GeneratedRegex(@"(?m)^(\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=).*$")]
    private static partial Regex EnvironmentLine();

    [GeneratedRegex(@"(""[^""\n]+""\s*:\s*)(?:""[^""\n]*""|[^,}\n]+)")]
    private static partial Regex JsonValue();
}
