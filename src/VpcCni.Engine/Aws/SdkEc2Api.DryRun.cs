using Amazon.EC2.Model;
using Amazon.Runtime;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Aws;

/// <summary>Permission probes (EC2 <c>DryRun</c>) of <see cref="SdkEc2Api"/>.</summary>
public sealed partial class SdkEc2Api
{
    public async Task<Ec2DryRunResult> DryRunAsync(Ec2DryRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = BuildDryRun(request);
        try
        {
            var response = await CallAsync(request.Action, call, cancellationToken, dryRun: true).ConfigureAwait(false);

            // EC2 never performs a DryRun request; an endpoint that answered 200 ignored the flag.
            SdkEc2ApiLog.DryRunOutcome(_logger, request.Action, "performed (endpoint ignored DryRun)", response.ResponseMetadata?.RequestId);
            return new Ec2DryRunResult(request.Action, true, "The endpoint ignored DryRun and performed the request.", response.ResponseMetadata?.RequestId);
        }
        catch (Ec2ApiException ex) when (ex.Is(Ec2ErrorCodes.DryRunOperation) || ex.Is(Ec2ErrorCodes.UnauthorizedOperation))
        {
            var allowed = ex.Is(Ec2ErrorCodes.DryRunOperation);
            SdkEc2ApiLog.DryRunOutcome(_logger, request.Action, allowed ? "allowed" : "denied", ex.RequestId);
            var message = (ex.InnerException as AmazonServiceException)?.Message ?? ex.Message;
            return new Ec2DryRunResult(request.Action, allowed, message, ex.RequestId);
        }
    }

    private Func<CancellationToken, Task<AmazonWebServiceResponse>> BuildDryRun(Ec2DryRunRequest r)
    {
        switch (r.Action)
        {
            case Ec2Action.DescribeInstances:
                return async ct => await _client.DescribeInstancesAsync(new DescribeInstancesRequest { DryRun = true, InstanceIds = IdList(r.InstanceId) }, ct).ConfigureAwait(false);
            case Ec2Action.DescribeInstanceTypes:
                return async ct => await _client.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { DryRun = true }, ct).ConfigureAwait(false);
            case Ec2Action.DescribeNetworkInterfaces:
                return async ct => await _client.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { DryRun = true, NetworkInterfaceIds = IdList(r.NetworkInterfaceId) }, ct).ConfigureAwait(false);
            case Ec2Action.DescribeSubnets:
                return async ct => await _client.DescribeSubnetsAsync(new DescribeSubnetsRequest { DryRun = true, SubnetIds = IdList(r.SubnetId) }, ct).ConfigureAwait(false);
            case Ec2Action.DescribeSecurityGroups:
                return async ct => await _client.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { DryRun = true, GroupIds = Ec2ModelMapper.NullIfEmpty(r.SecurityGroupIds) }, ct).ConfigureAwait(false);
            case Ec2Action.DescribeTags:
                return async ct => await _client.DescribeTagsAsync(new DescribeTagsRequest { DryRun = true }, ct).ConfigureAwait(false);
            case Ec2Action.CreateNetworkInterface:
                var subnet = Need(r.SubnetId, r.Action, nameof(r.SubnetId));
                return async ct => await _client.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { DryRun = true, SubnetId = subnet, Groups = Ec2ModelMapper.NullIfEmpty(r.SecurityGroupIds) }, ct).ConfigureAwait(false);
            case Ec2Action.AttachNetworkInterface:
                var eni = Need(r.NetworkInterfaceId, r.Action, nameof(r.NetworkInterfaceId));
                var instance = Need(r.InstanceId, r.Action, nameof(r.InstanceId));
                return async ct => await _client.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest { DryRun = true, NetworkInterfaceId = eni, InstanceId = instance, DeviceIndex = r.DeviceIndex }, ct).ConfigureAwait(false);
            case Ec2Action.DetachNetworkInterface:
                var attachment = Need(r.AttachmentId, r.Action, nameof(r.AttachmentId));
                return async ct => await _client.DetachNetworkInterfaceAsync(new DetachNetworkInterfaceRequest { DryRun = true, AttachmentId = attachment }, ct).ConfigureAwait(false);
            case Ec2Action.DeleteNetworkInterface:
                var deleted = Need(r.NetworkInterfaceId, r.Action, nameof(r.NetworkInterfaceId));
                return async ct => await _client.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { DryRun = true, NetworkInterfaceId = deleted }, ct).ConfigureAwait(false);
            case Ec2Action.ModifyNetworkInterfaceAttribute:
                var modified = Need(r.NetworkInterfaceId, r.Action, nameof(r.NetworkInterfaceId));
                return async ct => await _client.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { DryRun = true, NetworkInterfaceId = modified, SourceDestCheck = true }, ct).ConfigureAwait(false);
            case Ec2Action.CreateTags:
                var resource = Need(r.NetworkInterfaceId ?? r.InstanceId, r.Action, "NetworkInterfaceId or InstanceId");
                return async ct => await _client.CreateTagsAsync(new CreateTagsRequest { DryRun = true, Resources = [resource], Tags = [new Tag("vpc-cni-dry-run", "true")] }, ct).ConfigureAwait(false);
            default:
                // AssignPrivateIpAddresses, UnassignPrivateIpAddresses, AssignIpv6Addresses and
                // UnassignIpv6Addresses have no DryRun member in the EC2 API model.
                throw new VpcCniException(
                    VpcCniErrorCategory.InvalidArgument,
                    ErrorIds.Ec2.DryRunUnsupported,
                    $"EC2 {r.Action} has no DryRun parameter; its permission can only be checked by calling it.");
        }
    }

    private static List<string>? IdList(string? id) => string.IsNullOrEmpty(id) ? null : [id];

    private static string Need(string? value, Ec2Action action, string name) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.Ec2.InvalidRequest, $"A dry run of {action} needs {name}.")
            : value;
}
