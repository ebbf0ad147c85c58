using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VpcCni.Plugin.Cni;

/// <summary>
/// <c>mtu</c> as text: upstream's conflist template writes it as a string (<c>"9001"</c>), other
/// renderers as a number; both read the same.
/// </summary>
public sealed class MtuJsonConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => reader.TryGetInt64(out var n) ? n.ToString(CultureInfo.InvariantCulture) : throw new JsonException("mtu must be a whole number."),
        JsonTokenType.Null => null,
        _ => throw new JsonException("mtu must be a number or a string."),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
