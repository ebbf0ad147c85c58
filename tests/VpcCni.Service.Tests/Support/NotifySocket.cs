using System.Net.Sockets;
using System.Text;

namespace VpcCni.Service.Tests.Support;

/// <summary>
/// A real sd_notify(3) receiver: a Unix datagram socket bound in a temporary directory, whose path is
/// what systemd passes a <c>Type=notify</c> service in <c>NOTIFY_SOCKET</c>. Every datagram is kept.
/// </summary>
public sealed class NotifySocket : IDisposable
{
    private readonly Socket _socket;
    private readonly Lock _gate = new();
    private readonly List<string> _messages = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;

    public NotifySocket(string directory)
    {
        Path = System.IO.Path.Combine(directory, "notify.sock");
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        _socket.Bind(new UnixDomainSocketEndPoint(Path));
        _receiving = Task.Run(ReceiveAsync);
    }

    public string Path { get; }

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Waits until <paramref name="count"/> datagrams equal to <paramref name="message"/> have arrived.</summary>
    public async Task WaitForAsync(string message, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (Messages.Count(m => m == message) < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected {count} × '{message}' on NOTIFY_SOCKET; got: {string.Join(" | ", Messages)}");
            }

            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        try
        {
            _receiving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The receive loop ends with the socket.
        }

        _stop.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[4096];
        while (!_stop.IsCancellationRequested)
        {
            int length;
            try
            {
                length = await _socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            // One datagram may carry several newline-separated assignments (sd_notify(3)).
            foreach (var line in Encoding.UTF8.GetString(buffer, 0, length).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                lock (_gate)
                {
                    _messages.Add(line);
                }
            }
        }
    }
}
