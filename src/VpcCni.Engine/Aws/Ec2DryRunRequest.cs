namespace VpcCni.Engine.Aws;

/// <summary>
/// A permission probe: EC2 validates the request, checks IAM, and answers <c>DryRunOperation</c>
/// (allowed) or <c>UnauthorizedOperation</c> (denied) without changing anything. EC2 validates the
/// ids before it checks permissions, so give the real ids the action needs: a subnet for
/// CreateNetworkInterface, an ENI and instance for AttachNetworkInterface, an attachment for
/// DetachNetworkInterface, an ENI for Delete/Modify, a resource for CreateTags.
/// </summary>
public sealed record Ec2DryRunRequest
{
    public required Ec2Action Action { get; init; }

    public string? InstanceId { get; init; }

    public string? SubnetId { get; init; }

    public string? NetworkInterfaceId { get; init; }

    public string? AttachmentId { get; init; }

    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];

    /// <summary>The device index probed by an AttachNetworkInterface dry run.</summary>
    public int DeviceIndex { get; init; } = 1;
}
