namespace VpcCni.Engine.Diagnostics.Checks;

/// <summary>The node answers <c>/healthz</c> and says it is ready on <c>/readyz</c> (docs/service.md, "Introspection").</summary>
public sealed class ServiceHealthCheck : INodeCheck
{
    public string Name => "ServiceHealth";

    public string Description => "The node service answers /healthz and is ready on /readyz";

    public async Task<NodeCheckResult> RunAsync(NodeCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var health = await context.Introspection.GetHealthAsync(cancellationToken).ConfigureAwait(false);
        if (!health.IsReady)
        {
            return NodeCheckResult.Fail(Name, $"/healthz at {context.Introspection.Endpoint} answered {health.Reason}.", "Read the service's journal: journalctl -u vpc-cni-node.");
        }

        var ready = await context.ReadinessAsync(cancellationToken).ConfigureAwait(false);
        return ready.IsReady
            ? NodeCheckResult.Pass(Name, $"/healthz ok; /readyz ready ({ready.Reason}).")
            : NodeCheckResult.Fail(Name, $"/healthz ok, but /readyz says not ready: {ready.Reason}.", "The service is still starting, or cannot reach EC2 or IMDS; the other checks and its journal say which.");
    }
}
