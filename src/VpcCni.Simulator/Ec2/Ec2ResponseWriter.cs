using System.Globalization;
using System.Text;
using System.Xml;

namespace VpcCni.Simulator.Ec2;

/// <summary>
/// Writes an EC2 success envelope: <c>&lt;ActionResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"&gt;</c>
/// with <c>requestId</c> first, lists as <c>&lt;xxxSet&gt;&lt;item&gt;</c> (EC2 API Reference, "Query API responses").
/// </summary>
internal sealed class Ec2ResponseWriter : IDisposable
{
    public const string Namespace = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = false };
    private readonly MemoryStream _stream = new();
    private readonly XmlWriter _xml;

    public Ec2ResponseWriter(string action, string requestId)
    {
        _xml = XmlWriter.Create(_stream, Settings);
        _xml.WriteStartDocument();
        _xml.WriteStartElement(action + "Response", Namespace);
        Element("requestId", requestId);
    }

    public void Element(string name, string? value)
    {
        if (value is not null)
        {
            _xml.WriteElementString(name, Namespace, value);
        }
    }

    public void Element(string name, int value) => Element(name, value.ToString(CultureInfo.InvariantCulture));

    public void Element(string name, long value) => Element(name, value.ToString(CultureInfo.InvariantCulture));

    public void Element(string name, bool value) => Element(name, value ? "true" : "false");

    public void Element(string name, DateTimeOffset value) =>
        Element(name, value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

    public void Start(string name) => _xml.WriteStartElement(name, Namespace);

    public void End() => _xml.WriteEndElement();

    /// <summary>A list of strings: <c>&lt;name&gt;&lt;item&gt;v&lt;/item&gt;…&lt;/name&gt;</c>.</summary>
    public void StringSet(string name, IEnumerable<string> values)
    {
        Start(name);
        foreach (var value in values)
        {
            Element("item", value);
        }

        End();
    }

    /// <summary>A list of one-member structures: <c>&lt;name&gt;&lt;item&gt;&lt;member&gt;v&lt;/member&gt;&lt;/item&gt;…</c>.</summary>
    public void ItemSet(string name, string member, IEnumerable<string> values)
    {
        Start(name);
        foreach (var value in values)
        {
            Start("item");
            Element(member, value);
            End();
        }

        End();
    }

    public void TagSet(IReadOnlyDictionary<string, string> tags)
    {
        Start("tagSet");
        foreach (var (key, value) in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            Start("item");
            Element("key", key);
            Element("value", value);
            End();
        }

        End();
    }

    public byte[] Finish()
    {
        _xml.WriteEndElement();
        _xml.WriteEndDocument();
        _xml.Flush();
        return _stream.ToArray();
    }

    /// <summary>The error envelope <c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;…&lt;RequestID/&gt;</c> (AWS docs, "Error codes for the Amazon EC2 API").</summary>
    public static byte[] Error(string code, string message, string requestId)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("Response");
            xml.WriteStartElement("Errors");
            xml.WriteStartElement("Error");
            xml.WriteElementString("Code", code);
            xml.WriteElementString("Message", message);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteElementString("RequestID", requestId);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return stream.ToArray();
    }

    public void Dispose()
    {
        _xml.Dispose();
        _stream.Dispose();
    }
}
