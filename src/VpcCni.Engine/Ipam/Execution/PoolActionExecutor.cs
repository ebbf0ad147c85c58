using System.Net;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam.Planning;

namespace VpcCni.Engine.Ipam.Execution;

/// <summary>
/// Carries out a <see cref="PoolPlan"/> from <see cref="WarmPoolPlanner"/> against the cloud
/// (<see cref="IEniProvider"/>) and the datastore, in upstream ipamd's order (<c>pkg/ipamd/ipamd.go</c>
/// <c>tryAllocateENI</c>, <c>tryAssignIPs</c>, <c>tryAssignPrefixes</c>, <c>tryUnassignIPsFromENI</c>,
/// <c>tryFreeENI</c>): the datastore learns of an address only after EC2 granted it, and forgets an
/// address before EC2 takes it back, so a pod is never given an address EC2 does not hold for it.
/// One failed action does not stop the others; every outcome is reported.
/// </summary>
public sealed class PoolActionExecutor
{
    private static readonly IReadOnlyList<IPNetwork> None = [];
    private readonly IEniProvider _provider;
    private readonly IpamDatastore _datastore;
    private readonly ILogger _logger;

    public PoolActionExecutor(IEniProvider provider, IpamDatastore datastore, ILogger<PoolActionExecutor> logger)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(datastore);
        ArgumentNullException.ThrowIfNull(logger);
        _provider = provider;
        _datastore = datastore;
        _logger = logger;
    }

    /// <summary>Carries out every action of <paramref name="plan"/> in order.</summary>
    public Task<PoolExecutionResult> ExecuteAsync(PoolPlan plan, CancellationToken cancellationToken) =>
        ExecuteAsync(plan, null, cancellationToken);

    /// <summary>
    /// Carries out every action of <paramref name="plan"/> and reports each outcome to
    /// <paramref name="progress"/> as soon as it is known. A plan of grow actions only (fills of
    /// different ENIs, creates) runs them side by side: each ENI's own steps stay in order inside its
    /// action, and no two of them touch the same ENI. Any other plan runs in order, because its ENI
    /// free is judged after its releases. Outcomes keep the plan's order either way.
    /// </summary>
    public async Task<PoolExecutionResult> ExecuteAsync(PoolPlan plan, IProgress<PoolActionOutcome>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (CanRunSideBySide(plan.Actions))
        {
            var running = plan.Actions.Select(a => ExecuteAndReportAsync(a, progress, cancellationToken)).ToArray();
            return new PoolExecutionResult(await Task.WhenAll(running).ConfigureAwait(false));
        }

        var outcomes = new List<PoolActionOutcome>(plan.Actions.Count);
        foreach (var action in plan.Actions)
        {
            outcomes.Add(await ExecuteAndReportAsync(action, progress, cancellationToken).ConfigureAwait(false));
        }

        return new PoolExecutionResult(outcomes);
    }

    /// <summary>Carries out one action; a refused action comes back as a failed outcome, not an exception.</summary>
    public async Task<PoolActionOutcome> ExecuteAsync(PoolAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return action switch
            {
                CreateEniAction create => await CreateAsync(create, cancellationToken).ConfigureAwait(false),
                AssignAddressesAction assign => await AssignAsync(assign, assign.EniId, assign.Count,
                    _provider.AssignAddressesAsync, cancellationToken).ConfigureAwait(false),
                AssignPrefixesAction assign => await AssignAsync(assign, assign.EniId, assign.Count,
                    _provider.AssignPrefixesAsync, cancellationToken).ConfigureAwait(false),
                ReleaseCidrsAction release => await ReleaseAsync(release, cancellationToken).ConfigureAwait(false),
                FreeEniAction free => await FreeAsync(free, cancellationToken).ConfigureAwait(false),
                _ => throw new ArgumentException($"Unknown pool action {action.GetType().Name}.", nameof(action)),
            };
        }
        catch (VpcCniException ex)
        {
            PoolExecutionLog.ActionFailed(_logger, action.GetType().Name, ex.ErrorId, ex.Message, ex);
            return new PoolActionOutcome(action, EniOf(action), None, None, ex);
        }
    }

    private async Task<PoolActionOutcome> ExecuteAndReportAsync(PoolAction action, IProgress<PoolActionOutcome>? progress, CancellationToken cancellationToken)
    {
        var outcome = await ExecuteAsync(action, cancellationToken).ConfigureAwait(false);
        progress?.Report(outcome);
        return outcome;
    }

    private async Task<PoolActionOutcome> CreateAsync(CreateEniAction create, CancellationToken cancellationToken)
    {
        var eni = await _provider.CreateEniAsync(create.AddressCount, create.PrefixCount, cancellationToken).ConfigureAwait(false);
        try
        {
            _datastore.AddEni(eni.Descriptor);
            foreach (var cidr in eni.Cidrs)
            {
                _datastore.AddCidr(eni.Descriptor.Id, cidr);
            }
        }
        catch (VpcCniException)
        {
            // The datastore refused the new ENI (it already tracks that id or a CIDR of it): an ENI no
            // pool knows about would only hold addresses, so give it back.
            try
            {
                await _provider.FreeEniAsync(eni.Descriptor.Id, CancellationToken.None).ConfigureAwait(false);
            }
            catch (VpcCniException freeError)
            {
                PoolExecutionLog.EniLeaked(_logger, eni.Descriptor.Id, freeError.ErrorId, freeError);
            }

            throw;
        }

        PoolExecutionLog.CidrsAdded(_logger, eni.Cidrs.Count, eni.Descriptor.Id, create.Reason);
        return new PoolActionOutcome(create, eni.Descriptor.Id, eni.Cidrs, None);
    }

    /// <summary>
    /// Upstream <c>tryAssignIPs</c> / <c>tryAssignPrefixes</c> (<c>pkg/ipamd/ipamd.go</c>): a refused
    /// request is asked again for a single CIDR; <c>PrivateIpAddressLimitExceeded</c> means the ENI
    /// already holds more than the datastore knows, so the datastore is brought in step from EC2 instead.
    /// </summary>
    private async Task<PoolActionOutcome> AssignAsync(
        PoolAction action, string eniId, int count, Func<string, int, CancellationToken, Task<IReadOnlyList<IPNetwork>>> assign,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<IPNetwork> granted;
        for (var asked = count; ; asked = 1)
        {
            try
            {
                granted = await assign(eniId, asked, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (Ec2ApiException ex) when (ex.Is(Ec2ErrorCodes.PrivateIpAddressLimitExceeded))
            {
                return await ResyncAsync(action, eniId, cancellationToken).ConfigureAwait(false);
            }
            catch (Ec2ApiException ex) when (asked > 1 && !ex.IsThrottling)
            {
                PoolExecutionLog.RetryingWithOne(_logger, asked, eniId, ex.AwsErrorCode ?? ex.ErrorId);
            }
        }

        foreach (var cidr in granted)
        {
            _datastore.AddCidr(eniId, cidr);
        }

        PoolExecutionLog.CidrsAdded(_logger, granted.Count, eniId, action.Reason);
        return new PoolActionOutcome(action, eniId, granted, None);
    }

    /// <summary>Adds the CIDRs EC2 says the ENI holds and the datastore lacks (upstream <c>increaseDatastorePool</c> after <c>GetIPv4sFromEC2</c>).</summary>
    private async Task<PoolActionOutcome> ResyncAsync(PoolAction action, string eniId, CancellationToken cancellationToken)
    {
        var onEc2 = await _provider.DescribeCidrsAsync(eniId, cancellationToken).ConfigureAwait(false);
        var tracked = _datastore.Snapshot().Enis.FirstOrDefault(e => e.Descriptor.Id == eniId)?.Cidrs.Select(c => c.Network).ToHashSet()
            ?? [];
        var added = new List<IPNetwork>();
        foreach (var cidr in onEc2.Where(c => !tracked.Contains(c)))
        {
            try
            {
                _datastore.AddCidr(eniId, cidr);
                added.Add(cidr);
            }
            catch (VpcCniException ex) when (ex.Category is VpcCniErrorCategory.AlreadyExists)
            {
                // Added meanwhile (a reconcile), or overlapping a CIDR of the other kind: already in the pool.
            }
        }

        PoolExecutionLog.Resynced(_logger, eniId, added.Count);
        return new PoolActionOutcome(action, eniId, added, None);
    }

    private async Task<PoolActionOutcome> ReleaseAsync(ReleaseCidrsAction release, CancellationToken cancellationToken)
    {
        var removed = new List<IPNetwork>(release.Cidrs.Count);
        foreach (var cidr in release.Cidrs)
        {
            try
            {
                await _datastore.RemoveCidrAsync(release.EniId, cidr, force: false, cancellationToken).ConfigureAwait(false);
                removed.Add(cidr);
            }
            catch (VpcCniException ex) when (ex.Category is VpcCniErrorCategory.Conflict or VpcCniErrorCategory.NotFound)
            {
                // A pod was given an address of it between planning and now (Conflict), or it is already
                // gone (NotFound): leave it.
                PoolExecutionLog.CidrKept(_logger, cidr, release.EniId);
            }
        }

        if (removed.Count == 0)
        {
            return new PoolActionOutcome(release, release.EniId, None, None);
        }

        try
        {
            await _provider.ReleaseCidrsAsync(release.EniId, removed, cancellationToken).ConfigureAwait(false);
        }
        catch (VpcCniException ex)
        {
            // The CIDRs are already out of the datastore and stay out: EC2 may have released them before
            // failing (a timeout after success), and putting back an address EC2 no longer holds would
            // hand pods a dead IP. If EC2 still holds them they are idle on the ENI until the next
            // reconcile with instance metadata adds them back, as upstream nodeIPPoolReconcile does.
            PoolExecutionLog.ReleaseFailed(_logger, removed.Count, release.EniId, ex.ErrorId, ex);
            return new PoolActionOutcome(release, release.EniId, None, removed, ex);
        }

        PoolExecutionLog.CidrsReleased(_logger, removed.Count, release.EniId, release.Reason);
        return new PoolActionOutcome(release, release.EniId, None, removed);
    }

    private async Task<PoolActionOutcome> FreeAsync(FreeEniAction free, CancellationToken cancellationToken)
    {
        // Out of the datastore first, so no pod is placed on an ENI that is about to go. If EC2 then
        // fails, the ENI stays attached but unused; the leaked-ENI cleanup or the next reconcile
        // (upstream nodeIPPoolReconcile) finds it, as with upstream tryFreeENI.
        await _datastore.RemoveEniAsync(free.EniId, force: false, cancellationToken).ConfigureAwait(false);
        await _provider.FreeEniAsync(free.EniId, cancellationToken).ConfigureAwait(false);
        PoolExecutionLog.EniRemovedFromPool(_logger, free.EniId, free.Reason);
        return new PoolActionOutcome(free, free.EniId, None, None);
    }

    /// <summary>Several grow actions, none filling an ENI another one fills.</summary>
    private static bool CanRunSideBySide(IReadOnlyList<PoolAction> actions)
    {
        if (actions.Count < 2 || !actions.All(PendingGrowth.IsGrowth))
        {
            return false;
        }

        var filled = actions.Select(EniOf).OfType<string>().ToArray();
        return filled.Distinct(StringComparer.Ordinal).Count() == filled.Length;
    }

    private static string? EniOf(PoolAction action) => action switch
    {
        AssignAddressesAction a => a.EniId,
        AssignPrefixesAction p => p.EniId,
        ReleaseCidrsAction r => r.EniId,
        FreeEniAction f => f.EniId,
        _ => null,
    };
}
