using System.Threading.Channels;

namespace VpcCni.Simulator.Kubernetes;

/// <summary>
/// One open watch: the events after its starting resource version, in order. Disposing it (the
/// client went away, or the server became unreachable) removes it from the store.
/// </summary>
public sealed class KubeWatchSubscription : IDisposable
{
    private readonly Channel<KubeWatchEvent> _channel = Channel.CreateUnbounded<KubeWatchEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Action<KubeWatchSubscription> _unsubscribe;

    internal KubeWatchSubscription(KubeWatchFilter filter, Action<KubeWatchSubscription> unsubscribe)
    {
        Filter = filter;
        _unsubscribe = unsubscribe;
    }

    public KubeWatchFilter Filter { get; }

    /// <summary>The events, oldest first; completes when the subscription is closed.</summary>
    public ChannelReader<KubeWatchEvent> Events => _channel.Reader;

    public void Dispose()
    {
        _unsubscribe(this);
        _channel.Writer.TryComplete();
    }

    /// <summary>Called under the store's lock, so events arrive in resource-version order.</summary>
    internal void Offer(KubeWatchEvent change)
    {
        if (Filter.Matches(change.ResourceType, change.Item))
        {
            _channel.Writer.TryWrite(change);
        }
    }

    internal void Close() => _channel.Writer.TryComplete();
}
