using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VpcCni.Engine.Tests.Introspection;

/// <summary>
/// A loopback HTTP/1.1 server (TCP on a free port, or a Unix socket) that answers each path with a
/// canned status and body, one request per connection, as a node's introspection answers curl.
/// A path mapped to null accepts the connection and never answers.
/// </summary>
internal sealed class CannedHttpServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly Dictionary<string, (int Status, string Body)?> _answers;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private CannedHttpServer(Socket listener, Dictionary<string, (int, string)?> answers, string endpoint)
    {
        _listener = listener;
        _answers = answers;
        Endpoint = endpoint;
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary>What an <c>IntrospectionClient</c> is given: <c>http://127.0.0.1:port</c> or <c>unix:/path</c>.</summary>
    public string Endpoint { get; }

    /// <summary>The paths requested, in order.</summary>
    public List<string> Requests { get; } = [];

    public static CannedHttpServer OnTcp(Dictionary<string, (int, string)?> answers)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.Listen();
        return new CannedHttpServer(socket, answers, $"http://127.0.0.1:{((IPEndPoint)socket.LocalEndPoint!).Port}");
    }

    public static CannedHttpServer OnUnixSocket(string path, Dictionary<string, (int, string)?> answers)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        socket.Listen();
        return new CannedHttpServer(socket, answers, "unix:" + path);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(Socket client)
    {
        using (client)
        {
            var stream = new NetworkStream(client, ownsSocket: false);
            var head = new StringBuilder();
            var buffer = new byte[4096];
            while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer, _stop.Token).AsTask().ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : 0);
                if (read == 0)
                {
                    return;
                }

                head.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            var path = head.ToString().Split(' ')[1];
            lock (Requests)
            {
                Requests.Add(path);
            }

            var answer = _answers.TryGetValue(path, out var canned) ? canned : (404, "404 page not found");
            if (answer is not { } reply)
            {
                await Task.Delay(Timeout.Infinite, _stop.Token).ContinueWith(_ => { });
                return;
            }

            var body = Encoding.UTF8.GetBytes(reply.Body);
            var header = $"HTTP/1.1 {reply.Status} X\r\nContent-Type: text/plain\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(header));
            await stream.WriteAsync(body);
            await stream.FlushAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        await _loop;
        _stop.Dispose();
    }
}
