namespace VpcCni.Engine.Diagnostics.Checks;

/// <summary>Instance metadata answers with an IMDSv2 token and then the instance's id, type and primary MAC.</summary>
public sealed class ImdsCheck : INodeCheck
{
    public string Name => "Imds";

    public string Description => "Instance metadata (IMDSv2) issues a token and answers reads";

    public async Task<NodeCheckResult> RunAsync(NodeCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var (instance, type, mac) = await context.IdentityAsync(cancellationToken).ConfigureAwait(false);
            return NodeCheckResult.Pass(Name, $"IMDSv2 at {context.Options.ImdsEndpoint}: {instance}, {type}, primary MAC {mac}.");
        }
        catch (Errors.VpcCniException ex)
        {
            return NodeCheckResult.Fail(Name, $"IMDS at {context.Options.ImdsEndpoint}: {ex.Message} ({ex.ErrorId}).",
                "Enable the metadata service with tokens allowed (aws ec2 modify-instance-metadata-options --http-endpoint enabled); a node whose pods use host networking needs --http-put-response-hop-limit 2 or more.");
        }
    }
}
