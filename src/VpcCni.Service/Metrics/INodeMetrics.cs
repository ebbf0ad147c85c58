using VpcCni.Engine.Ipam.Execution;
using VpcCni.Engine.Ipam.Planning;

namespace VpcCni.Service.Metrics;

/// <summary>
/// What node initialisation, the pool loop and reconciliation report (upstream <c>pkg/ipamd/ipamd.go</c>
/// feeds the same metrics from <c>nodeInit</c>, <c>increaseDatastorePool</c>, <c>decreaseDatastorePool</c>
/// and <c>nodeIPPoolReconcile</c>). <see cref="AwsCniMetrics"/> turns each call into <c>awscni_*</c> samples.
/// </summary>
public interface INodeMetrics
{
    /// <summary>The node's capacity once its limits are known: ENIs it may use, less unmanaged ones, and the addresses they hold.</summary>
    void NodeCapacityKnown(int maxEnis, int maxIps);

    /// <summary>Node initialisation ended after <paramref name="duration"/>.</summary>
    void NodeInitialized(TimeSpan duration, bool success);

    /// <summary>
    /// Start-up ended: the IPAM socket serves (<paramref name="failureReason"/> empty) or start-up failed
    /// with that error id; <paramref name="withApiServer"/> when the service reads the Kubernetes API.
    /// </summary>
    void StartupFinished(bool success, string failureReason, bool withApiServer = false);

    /// <summary>Counts <paramref name="fn"/> as in progress until the result is disposed (<c>awscni_ipamd_action_inprogress</c>).</summary>
    IDisposable ActionInProgress(string fn);

    /// <summary>Counts the grow or shrink the plan carries as in progress until the result is disposed.</summary>
    IDisposable PoolActionsInProgress(PoolPlan plan);

    /// <summary>A pool tick's plan was carried out; its failures count as ipamd, AWS-helper and ENI-allocation errors.</summary>
    void PoolActionsDone(PoolExecutionResult result);

    /// <summary>Reconciliation changed the datastore <paramref name="count"/> times in the way <paramref name="fn"/> names.</summary>
    void Reconciled(string fn, int count = 1);

    /// <summary>A reconciliation run failed.</summary>
    void ReconcileFailed();

    /// <summary>Security groups for pods failed in <paramref name="fn"/> (<c>awscni_pod_eni_error_count</c>; upstream's <c>tryEnableSecurityGroupsForPods</c>).</summary>
    void PodEniFailed(string fn);
}
