using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam;

namespace VpcCni.Service.Node;

/// <summary>
/// Assigns a pod address, and when the pool is empty waits for it to grow (ours; upstream's
/// <c>pkg/ipamd/rpc_handler.go</c> <c>AddNetwork</c> fails at once and the kubelet retries the sandbox
/// later). The wait registers with <see cref="PoolDemand"/>, which wakes the pool loop at once and
/// counts this call in its plan; it ends when an address is assigned, after
/// <see cref="NodeLoopOptions.AddNetworkWait"/>, shortly before the caller's deadline, or when the
/// caller cancels. On timeout the datastore's <c>Ipam.NoAvailableAddress</c> is thrown as before.
/// </summary>
public sealed class AddressWaiter(
    IpamDatastore datastore,
    PoolDemand demand,
    IOptionsMonitor<NodeLoopOptions> options,
    TimeProvider time,
    ILogger<AddressWaiter> logger)
{
    /// <summary>
    /// Left before the caller's deadline, so the empty-pool answer reaches it in time instead of the
    /// call ending in <c>DEADLINE_EXCEEDED</c> (gRPC documentation, "Deadlines"). A busy node (a burst
    /// of pods, a collection) delayed the answer by more than 200 ms in CI; a second is still a small
    /// part of the plugin's 60 s deadline, and only deadlines shorter than the wait are cut at all.
    /// </summary>
    public static readonly TimeSpan DeadlineMargin = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Assigns as <see cref="IpamDatastore.AssignAsync"/> does, waiting for an address as described
    /// above; <paramref name="deadline"/> is the caller's, <see cref="DateTimeOffset.MaxValue"/> when it has none.
    /// </summary>
    public async Task<IpAssignment> AssignAsync(IpamKey key, IpamMetadata metadata, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var changed = demand.NextPoolChange;
        VpcCniException empty;
        try
        {
            return await datastore.AssignAsync(key, metadata, cancellationToken).ConfigureAwait(false);
        }
        catch (VpcCniException ex) when (ex.ErrorId == ErrorIds.Ipam.NoAvailableAddress)
        {
            empty = ex;
        }

        var started = time.GetUtcNow();
        var wait = options.CurrentValue.AddNetworkWait;
        var until = deadline - started <= wait + DeadlineMargin ? deadline - DeadlineMargin : started + wait;
        if (!demand.IsServed || until <= started)
        {
            throw empty;
        }

        using var registration = demand.Register();
        var limit = until - started;
        PoolDemandLog.Waiting(logger, key, limit, demand.Waiting);
        while (true)
        {
            var now = time.GetUtcNow();
            if (now >= until)
            {
                PoolDemandLog.WaitedInVain(logger, key, now - started);
                throw empty;
            }

            await changed.WaitAsync(until - now, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            cancellationToken.ThrowIfCancellationRequested();
            changed = demand.NextPoolChange;
            try
            {
                var assignment = await datastore.AssignAsync(key, metadata, cancellationToken).ConfigureAwait(false);
                var waited = time.GetUtcNow() - started;
                PoolDemandLog.Served(logger, key, waited);
                return assignment;
            }
            catch (VpcCniException ex) when (ex.ErrorId == ErrorIds.Ipam.NoAvailableAddress)
            {
                empty = ex;
            }
        }
    }
}
