using VpcCni.Engine.Aws;
using VpcCni.Engine.Aws.Iam;

namespace VpcCni.Engine.Diagnostics.Checks;

/// <summary>
/// Every action of the node's family in <see cref="VpcCniIamCatalogue"/> is allowed to the
/// credentials (a probe each, <see cref="IamProbe"/>); a denial fails naming the actions and the
/// policy statements that grant them (<see cref="IamPolicyGenerator.ForActions"/>).
/// </summary>
public sealed class IamPermissionsCheck : INodeCheck
{
    public string Name => "IamPermissions";

    public string Description => "The credentials may perform every EC2 action the node calls (DryRun probes)";

    public async Task<NodeCheckResult> RunAsync(NodeCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ec2 = await context.Ec2Async(cancellationToken).ConfigureAwait(false);
        var target = await TargetAsync(context, ec2, cancellationToken).ConfigureAwait(false);
        var denied = new List<Ec2Action>();
        var undecided = new List<string>();
        var actions = VpcCniIamCatalogue.ActionsFor(context.Options.IpFamily);
        foreach (var action in actions)
        {
            var (allowed, message) = await IamProbe.ProbeAsync(ec2, action, target, cancellationToken).ConfigureAwait(false);
            if (allowed == false)
            {
                denied.Add(action);
            }
            else if (allowed is null)
            {
                undecided.Add($"ec2:{action} ({message})");
            }
        }

        if (denied.Count > 0)
        {
            var statements = IamPolicyGenerator.ForActions(denied, new IamPolicyRequest { IpFamily = context.Options.IpFamily, ClusterName = context.Options.ClusterName });
            return NodeCheckResult.Fail(Name,
                $"Denied: {string.Join(", ", denied.Select(a => "ec2:" + a))} ({actions.Count - denied.Count} of {actions.Count} allowed).",
                "Add to the node role's policy (Get-VpcCniIamPolicy prints all of it): " + statements.ToJson());
        }

        return undecided.Count > 0
            ? NodeCheckResult.Warn(Name, $"{actions.Count - undecided.Count} of {actions.Count} actions allowed; EC2 did not decide: {string.Join("; ", undecided)}.", "Compare the role's policy with Get-VpcCniIamPolicy.")
            : NodeCheckResult.Pass(Name, $"All {actions.Count} {context.Options.IpFamily} actions allowed: {string.Join(", ", actions)}.");
    }

    /// <summary>The ids the probes use, from instance metadata, and the primary ENI's attachment from EC2 when it may be described.</summary>
    private static async Task<IamProbeTarget> TargetAsync(NodeCheckContext context, IEc2Api ec2, CancellationToken cancellationToken)
    {
        var (instance, _, mac) = await context.IdentityAsync(cancellationToken).ConfigureAwait(false);
        var eni = await context.Imds.GetInterfaceIdAsync(mac, cancellationToken).ConfigureAwait(false) ?? string.Empty;
        var subnet = await context.Imds.GetSubnetIdAsync(mac, cancellationToken).ConfigureAwait(false) ?? string.Empty;
        var groups = await context.Imds.GetSecurityGroupIdsAsync(mac, cancellationToken).ConfigureAwait(false);
        var attachment = "eni-attach-00000000000000000";
        try
        {
            var described = await ec2.DescribeNetworkInterfacesAsync(Ec2DescribeQuery.ForIds(eni), cancellationToken).ConfigureAwait(false);
            attachment = (described.Count > 0 ? described[0].Attachment?.AttachmentId : null) ?? attachment;
        }
        catch (Ec2ApiException ex) when (ex.Is(Ec2ErrorCodes.UnauthorizedOperation))
        {
            // DescribeNetworkInterfaces is probed (and reported) with the rest.
        }

        return new IamProbeTarget(instance, eni, attachment, subnet, groups);
    }
}
