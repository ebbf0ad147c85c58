using VpcCni.Engine.Rpc;

namespace VpcCni.Service.Tests.Support;

/// <summary>
/// An <see cref="HttpClient"/> whose every connection goes to one Unix stream socket (unix(7)), for a
/// listener bound with <c>INTROSPECTION_BIND_ADDRESS=unix:/path</c>; the URI's host is ignored.
/// </summary>
public static class UnixSocketHttp
{
    public static HttpClient Create(string socketPath) =>
        new(UnixSocketChannel.CreateHttpHandler(socketPath), disposeHandler: true) { BaseAddress = new Uri("http://localhost/") };
}
