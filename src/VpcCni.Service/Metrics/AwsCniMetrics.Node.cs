using System.Diagnostics;
using System.Globalization;
using Prometheus;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam.Execution;
using VpcCni.Engine.Ipam.Planning;

namespace VpcCni.Service.Metrics;

/// <summary>The metrics fed by the EC2 and IMDS clients and by the node's loops.</summary>
public sealed partial class AwsCniMetrics
{
    /// <summary>Upstream's <c>fn</c> values for its pool actions (upstream <c>pkg/ipamd/ipamd.go</c>), so dashboards that select on them keep working.</summary>
    internal static class Functions
    {
        public const string NodeInit = "nodeInit";
        public const string IncreasePool = "increaseDatastorePool";
        public const string DecreasePool = "decreaseDatastorePool";
        public const string Reconcile = "nodeIPPoolReconcile";
        public const string AllocEniFailed = "increaseIPPoolAllocENI";
        public const string AllocAddressesFailed = "increaseIPPoolAllocIPAddressesFailed";
        public const string ReleaseFailed = "decreaseIPPool";
        public const string FreeEniFailed = "decreaseIPPoolFreeENIFailed";
        public const string ReconcileFailed = "reconcileFailedGetENIs";
        public const string ReconcileAddCidr = "eniDataStorePoolReconcileAdd";
        public const string ReconcileDelCidr = "eniIPPoolReconcileDel";
        public const string ReconcileDelEni = "eniReconcileDel";
    }

    /// <summary>Upstream's labels for one call: <c>error</c> is Go's <c>fmt.Sprint(err != nil)</c>, <c>status</c> the HTTP status or empty.</summary>
    public void CallCompleted(AwsCallOutcome outcome)
    {
        var failed = outcome.Failed ? "true" : "false";
        var status = outcome.HttpStatus?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        _awsLatency.WithLabels(outcome.Api, failed, status).Observe(outcome.ElapsedMilliseconds);
        if (outcome.IsEc2)
        {
            _ec2Requests.WithLabels(outcome.Api).Inc();
        }

        if (outcome.ErrorCode is { } code)
        {
            _awsErrors.WithLabels(outcome.Api, code).Inc();
            if (outcome.IsEc2)
            {
                _ec2Errors.WithLabels(outcome.Api).Inc();
            }
        }
    }

    public void NodeCapacityKnown(int maxEnis, int maxIps)
    {
        _eniMax.Set(maxEnis);
        _ipMax.Set(maxIps);
    }

    public void NodeInitialized(TimeSpan duration, bool success) =>
        _nodeInit.WithLabels(Bool(success)).Observe(duration.TotalSeconds);

    /// <summary>
    /// Observes the time since the process started, as upstream does; <c>with_api_server</c> says
    /// whether the service reads the cluster through the Kubernetes API (docs/kubernetes.md).
    /// </summary>
    public void StartupFinished(bool success, string failureReason, bool withApiServer = false)
    {
        using var process = Process.GetCurrentProcess();
        var started = new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
        var elapsed = _time.GetUtcNow() - started;
        _startup.WithLabels(Bool(success), Bool(withApiServer), failureReason ?? string.Empty).Observe(Math.Max(0, elapsed.TotalSeconds));
    }

    public IDisposable ActionInProgress(string fn) => _actionsInProgress.WithLabels(fn).TrackInProgress();

    public IDisposable PoolActionsInProgress(PoolPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var grows = plan.Actions.Any(a => a is CreateEniAction or AssignAddressesAction or AssignPrefixesAction);
        return ActionInProgress(grows ? Functions.IncreasePool : Functions.DecreasePool);
    }

    public void PoolActionsDone(PoolExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var failure in result.Failures)
        {
            var (fn, helper) = failure.Action switch
            {
                CreateEniAction => (Functions.AllocEniFailed, "AllocENI"),
                AssignAddressesAction or AssignPrefixesAction => (Functions.AllocAddressesFailed, "AllocIPAddresses"),
                ReleaseCidrsAction => (Functions.ReleaseFailed, "DeallocIPAddresses"),
                _ => (Functions.FreeEniFailed, "FreeENI"),
            };
            _ipamdErrors.WithLabels(fn).Inc();
            if (failure.Action is CreateEniAction)
            {
                _eniAllocationErrors.Inc();
            }

            // The datastore's own refusals (a pod took the address meanwhile) are not failures of the
            // AWS helpers; upstream's awsutils counts only what went wrong on its side.
            var error = failure.AwsErrorCode ?? failure.Error?.ErrorId ?? string.Empty;
            if (!error.StartsWith(nameof(ErrorIds.Ipam) + ".", StringComparison.Ordinal))
            {
                _awsUtilsErrors.WithLabels(helper, error).Inc();
            }
        }
    }

    public void Reconciled(string fn, int count = 1) => _reconciles.WithLabels(fn).Inc(count);

    public void ReconcileFailed()
    {
        _reconcileErrors.Inc();
        _ipamdErrors.WithLabels(Functions.ReconcileFailed).Inc();
    }

    public void PodEniFailed(string fn) => _podEniErrors.WithLabels(fn).Inc();

    private static string Bool(bool value) => value ? "true" : "false";
}
