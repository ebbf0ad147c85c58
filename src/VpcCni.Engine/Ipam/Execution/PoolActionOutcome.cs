using System.Net;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam.Planning;

namespace VpcCni.Engine.Ipam.Execution;

/// <summary>What carrying out one planner action did.</summary>
/// <param name="Action">The action as planned.</param>
/// <param name="EniId">The ENI acted on; for a create, the new ENI (null when the create failed).</param>
/// <param name="Added">CIDRs EC2 granted and the datastore now tracks.</param>
/// <param name="Removed">CIDRs taken out of the datastore (for a free, every CIDR of the ENI is implied, and this is empty).</param>
/// <param name="Error">The failure, or null when the action completed.</param>
public sealed record PoolActionOutcome(
    PoolAction Action,
    string? EniId,
    IReadOnlyList<IPNetwork> Added,
    IReadOnlyList<IPNetwork> Removed,
    VpcCniException? Error = null)
{
    /// <summary>True when the action completed.</summary>
    public bool Succeeded => Error is null;

    /// <summary>The AWS error code when EC2 refused the action (e.g. <c>InsufficientCidrBlocks</c>), else null.</summary>
    public string? AwsErrorCode => (Error as Aws.Ec2ApiException)?.AwsErrorCode;

    /// <summary>
    /// True when EC2 refused for want of addresses in the subnet: <c>InsufficientCidrBlocks</c> (no free /28)
    /// or <c>InsufficientFreeAddressesInSubnet</c> (upstream <c>increaseDatastorePool</c> backs off after either).
    /// </summary>
    public bool SubnetExhausted => Error is Aws.Ec2ApiException e
        && (e.Is(Aws.Ec2ErrorCodes.InsufficientCidrBlocks) || e.Is(Aws.Ec2ErrorCodes.InsufficientFreeAddressesInSubnet));
}
