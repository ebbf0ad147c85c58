using System.Net;
using VpcCni.Engine.Aws;

namespace VpcCni.Engine.Diagnostics.Checks;

/// <summary>
/// Asks EC2 whether the credentials may perform one action without changing anything: a DryRun
/// where the EC2 API has one (<see cref="IEc2Api.DryRunAsync"/>), and for the four address actions
/// that have none, a request that cannot succeed (an address from TEST-NET, RFC 5737 / RFC 3849, on
/// the primary ENI). IAM is evaluated before EC2 looks at the address, so UnauthorizedOperation means
/// denied and any other refusal means allowed.
/// </summary>
internal static class IamProbe
{
    private static readonly IPAddress TestNet4 = IPAddress.Parse("192.0.2.1");
    private static readonly IPAddress TestNet6 = IPAddress.Parse("2001:db8::1");

    /// <summary>True allowed, false denied, null undecided (EC2's message says why).</summary>
    public static async Task<(bool? Allowed, string Message)> ProbeAsync(IEc2Api ec2, Ec2Action action, IamProbeTarget target, CancellationToken cancellationToken)
    {
        try
        {
            switch (action)
            {
                case Ec2Action.AssignPrivateIpAddresses:
                    await ec2.AssignPrivateIpAddressesAsync(new Ec2AssignPrivateIpRequest { NetworkInterfaceId = target.EniId, PrivateIpAddresses = [TestNet4] }, cancellationToken).ConfigureAwait(false);
                    return (true, "accepted an address outside the subnet");
                case Ec2Action.UnassignPrivateIpAddresses:
                    await ec2.UnassignPrivateIpAddressesAsync(new Ec2UnassignPrivateIpRequest { NetworkInterfaceId = target.EniId, PrivateIpAddresses = [TestNet4] }, cancellationToken).ConfigureAwait(false);
                    return (true, "released an address the ENI never had");
                case Ec2Action.AssignIpv6Addresses:
                    await ec2.AssignIpv6AddressesAsync(new Ec2AssignIpv6Request { NetworkInterfaceId = target.EniId, Ipv6Addresses = [TestNet6] }, cancellationToken).ConfigureAwait(false);
                    return (true, "accepted an address outside the subnet");
                case Ec2Action.UnassignIpv6Addresses:
                    await ec2.UnassignIpv6AddressesAsync(new Ec2UnassignIpv6Request { NetworkInterfaceId = target.EniId, Ipv6Addresses = [TestNet6] }, cancellationToken).ConfigureAwait(false);
                    return (true, "released an address the ENI never had");
                default:
                    var result = await ec2.DryRunAsync(DryRun(action, target), cancellationToken).ConfigureAwait(false);
                    return (result.Allowed, result.Message);
            }
        }
        catch (Ec2ApiException ex) when (ex.Is(Ec2ErrorCodes.UnauthorizedOperation))
        {
            return (false, ex.Message);
        }
        catch (Ec2ApiException ex) when (IsAfterAuthorization(ex))
        {
            return (true, ex.Message);
        }
        catch (Ec2ApiException ex)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>Refusals EC2 gives only once IAM has allowed the request: the request itself is wrong for the resource.</summary>
    private static bool IsAfterAuthorization(Ec2ApiException ex) =>
        ex.Is(Ec2ErrorCodes.InvalidParameterValue) || ex.Is(Ec2ErrorCodes.InvalidParameterCombination)
        || ex.Is(Ec2ErrorCodes.PrivateIpAddressLimitExceeded) || ex.Is(Ec2ErrorCodes.IpAddressLimitExceeded) || ex.Is(Ec2ErrorCodes.NetworkInterfaceInUse)
        || ex.Is(Ec2ErrorCodes.OperationNotPermitted) || ex.Is(Ec2ErrorCodes.AttachmentLimitExceeded);

    private static Ec2DryRunRequest DryRun(Ec2Action action, IamProbeTarget target) => new()
    {
        Action = action,
        InstanceId = target.InstanceId,
        SubnetId = target.SubnetId,
        NetworkInterfaceId = target.EniId,
        AttachmentId = target.AttachmentId,
        SecurityGroupIds = target.SecurityGroupIds,
    };
}
