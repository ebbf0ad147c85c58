namespace VpcCni.Engine.Aws;

/// <summary>
/// A ModifyNetworkInterfaceAttribute request. EC2 changes one attribute per call ("You can specify
/// only one attribute at a time", EC2 API reference, ModifyNetworkInterfaceAttribute), so exactly one of <see cref="DeleteOnTermination"/>
/// (with <see cref="AttachmentId"/>), <see cref="SecurityGroupIds"/> or <see cref="SourceDestCheck"/>
/// must be set; use the factory methods.
/// </summary>
public sealed record Ec2ModifyNetworkInterfaceRequest
{
    public required string NetworkInterfaceId { get; init; }

    /// <summary>The ENI's current attachment; required with <see cref="DeleteOnTermination"/>.</summary>
    public string? AttachmentId { get; init; }

    public bool? DeleteOnTermination { get; init; }

    /// <summary>The complete new group set (it replaces the old one).</summary>
    public IReadOnlyList<string>? SecurityGroupIds { get; init; }

    public bool? SourceDestCheck { get; init; }

    /// <summary>Sets DeleteOnTermination on an attachment (upstream sets it to true right after attach).</summary>
    public static Ec2ModifyNetworkInterfaceRequest SetDeleteOnTermination(string networkInterfaceId, string attachmentId, bool deleteOnTermination) =>
        new() { NetworkInterfaceId = networkInterfaceId, AttachmentId = attachmentId, DeleteOnTermination = deleteOnTermination };

    /// <summary>Replaces the ENI's security groups.</summary>
    public static Ec2ModifyNetworkInterfaceRequest SetSecurityGroups(string networkInterfaceId, params string[] securityGroupIds) =>
        new() { NetworkInterfaceId = networkInterfaceId, SecurityGroupIds = securityGroupIds };
}
