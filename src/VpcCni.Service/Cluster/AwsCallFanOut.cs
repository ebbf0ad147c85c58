using VpcCni.Engine.Aws;
using VpcCni.Service.Metrics;

namespace VpcCni.Service.Cluster;

/// <summary>
/// The EC2 and IMDS clients take one <see cref="IAwsCallObserver"/>; this one tells the metrics and
/// <see cref="MissingPermissionEvents"/>, in that order. Neither throws or blocks.
/// </summary>
internal sealed class AwsCallFanOut(AwsCniMetrics metrics, MissingPermissionEvents events) : IAwsCallObserver
{
    public void CallCompleted(AwsCallOutcome outcome)
    {
        metrics.CallCompleted(outcome);
        events.Observe(outcome);
    }
}
