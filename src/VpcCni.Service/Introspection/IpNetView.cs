namespace VpcCni.Service.Introspection;

/// <summary>
/// A network the way Go's encoding/json writes a <c>net.IPNet</c>: the address as text and the mask
/// as base64 of its bytes (<c>/////w==</c> for /32, <c>////8A==</c> for /28).
/// </summary>
public sealed record IpNetView(string IP, string Mask);
