using System.Text;
using System.Text.Json;

namespace VpcCni.Engine.Aws.Iam;

/// <summary>Writes a policy document as IAM reads it: Version, then Statement with Sid, Effect, Action, Resource and Condition when present.</summary>
internal static class IamPolicyJson
{
    public static string Write(IamPolicyDocument document)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("Version", document.Version);
            json.WriteStartArray("Statement");
            foreach (var statement in document.Statement)
            {
                json.WriteStartObject();
                json.WriteString("Sid", statement.Sid);
                json.WriteString("Effect", statement.Effect);
                Strings(json, "Action", statement.Action);
                Strings(json, "Resource", statement.Resource);
                if (statement.Condition.Count > 0)
                {
                    json.WriteStartObject("Condition");
                    foreach (var (op, pairs) in statement.Condition)
                    {
                        json.WriteStartObject(op);
                        foreach (var (key, value) in pairs)
                        {
                            json.WriteString(key, value);
                        }

                        json.WriteEndObject();
                    }

                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
