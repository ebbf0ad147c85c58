using System.Net;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Tests.Aws.Support;
using Ec2ErrorCodes = VpcCni.Engine.Aws.Ec2ErrorCodes;

namespace VpcCni.Engine.Tests.Aws;

/// <summary>ENI lifecycle and address actions of <see cref="SdkEc2Api"/> against the simulator.</summary>
public sealed partial class SdkEc2ApiTests
{
    [Fact]
    public async Task CreatedEniCarriesSecondaryIpsTagsGroupsAndDescription()
    {
        var eni = await _ec2.CreateNetworkInterfaceAsync(new Ec2CreateNetworkInterfaceRequest
        {
            SubnetId = _aws.SubnetIn("us-west-2a"),
            Description = "aws-K8S-" + _aws.InstanceId,
            SecurityGroupIds = [_aws.DefaultSecurityGroup],
            SecondaryPrivateIpAddressCount = 3,
            Tags = new Dictionary<string, string> { ["node.k8s.amazonaws.com/instance_id"] = _aws.InstanceId },
        }, default);

        Assert.StartsWith("eni-", eni.NetworkInterfaceId, StringComparison.Ordinal);
        Assert.Equal(Ec2NetworkInterfaceStatus.Available, eni.Status);
        Assert.Null(eni.Attachment);
        Assert.Equal(4, eni.PrivateIpAddresses.Count);
        Assert.Equal(3, eni.SecondaryIpAddresses.Count());
        Assert.Equal(eni.PrimaryIpAddress, eni.PrivateIpAddresses.Single(p => p.IsPrimary).Address);
        Assert.Equal(_aws.InstanceId, eni.Tags["node.k8s.amazonaws.com/instance_id"]);
        Assert.Equal([_aws.DefaultSecurityGroup], eni.SecurityGroupIds);
        Assert.Equal("aws-K8S-" + _aws.InstanceId, eni.Description);
        var described = Assert.Single(await _ec2.DescribeNetworkInterfacesAsync(Ec2DescribeQuery.ForIds(eni.NetworkInterfaceId), default));
        Assert.Equal(eni.PrivateIpAddresses, described.PrivateIpAddresses);
    }

    [Fact]
    public async Task CreatedEniCanCarryPrefixesAndAnInterfaceType()
    {
        var eni = await _ec2.CreateNetworkInterfaceAsync(new Ec2CreateNetworkInterfaceRequest
        {
            SubnetId = _aws.SubnetIn("us-west-2a"),
            Ipv4PrefixCount = 2,
            InterfaceType = "trunk",
        }, default);

        Assert.Equal(2, eni.Ipv4Prefixes.Count);
        Assert.All(eni.Ipv4Prefixes, p => Assert.Equal(28, p.PrefixLength));
        Assert.Equal("trunk", eni.InterfaceType);
    }

    [Fact]
    public async Task SecondaryCountAndPrefixCountTogetherAreRejectedBeforeCallingEc2()
    {
        var error = await Assert.ThrowsAsync<VpcCniException>(() => _ec2.CreateNetworkInterfaceAsync(new Ec2CreateNetworkInterfaceRequest
        {
            SubnetId = _aws.SubnetIn("us-west-2a"),
            SecondaryPrivateIpAddressCount = 1,
            Ipv4PrefixCount = 1,
        }, default));

        Assert.Equal(VpcCniErrorCategory.InvalidArgument, error.Category);
        Assert.Empty(_aws.Requests("CreateNetworkInterface"));
    }

    [Fact]
    public async Task EniGoesThroughAttachDetachAndDelete()
    {
        var eni = await CreateAsync();
        var attach = await _ec2.AttachNetworkInterfaceAsync(new Ec2AttachNetworkInterfaceRequest(eni, _aws.InstanceId, DeviceIndex: 1), default);
        Assert.StartsWith("eni-attach-", attach.AttachmentId, StringComparison.Ordinal);
        Assert.Equal(0, attach.NetworkCardIndex);

        var attached = await SimulatedAws.EventuallyAsync(() => DescribeAsync(eni), e => e.Status == Ec2NetworkInterfaceStatus.InUse);
        Assert.Equal(Ec2AttachmentStatus.Attached, attached.Attachment!.Status);
        Assert.Equal(1, attached.Attachment.DeviceIndex);
        Assert.False(attached.Attachment.DeleteOnTermination);

        await _ec2.ModifyNetworkInterfaceAttributeAsync(Ec2ModifyNetworkInterfaceRequest.SetDeleteOnTermination(eni, attach.AttachmentId, true), default);
        Assert.True((await DescribeAsync(eni)).Attachment!.DeleteOnTermination);
        var instance = Assert.Single(await _ec2.DescribeInstancesAsync(Ec2DescribeQuery.ForIds(_aws.InstanceId), default));
        Assert.Contains(instance.NetworkInterfaces, n => n.NetworkInterfaceId == eni && n.Attachment!.DeviceIndex == 1);

        await _ec2.DetachNetworkInterfaceAsync(attach.AttachmentId, force: false, default);
        var detached = await SimulatedAws.EventuallyAsync(() => DescribeAsync(eni), e => e.Status == Ec2NetworkInterfaceStatus.Available);
        Assert.Null(detached.Attachment);

        await _ec2.DeleteNetworkInterfaceAsync(eni, default);
        var gone = await Assert.ThrowsAsync<Ec2ApiException>(() => DescribeAsync(eni));
        Assert.Equal(VpcCniErrorCategory.NotFound, gone.Category);
    }

    [Fact]
    public async Task DeletingAnAttachedEniIsRefused()
    {
        var eni = await CreateAsync();
        await _ec2.AttachNetworkInterfaceAsync(new Ec2AttachNetworkInterfaceRequest(eni, _aws.InstanceId, 1), default);

        var error = await Assert.ThrowsAsync<Ec2ApiException>(() => _ec2.DeleteNetworkInterfaceAsync(eni, default));

        Assert.Equal(Ec2ErrorCodes.InvalidParameterValue, error.AwsErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.HttpStatus);
    }

    [Fact]
    public async Task AttachingPastTheInstanceLimitIsAttachmentLimitExceeded()
    {
        // m5.large holds 3 ENIs: the primary plus two.
        await _ec2.AttachNetworkInterfaceAsync(new Ec2AttachNetworkInterfaceRequest(await CreateAsync(), _aws.InstanceId, 1), default);
        await _ec2.AttachNetworkInterfaceAsync(new Ec2AttachNetworkInterfaceRequest(await CreateAsync(), _aws.InstanceId, 2), default);
        var fourth = await CreateAsync();

        var error = await Assert.ThrowsAsync<Ec2ApiException>(() =>
            _ec2.AttachNetworkInterfaceAsync(new Ec2AttachNetworkInterfaceRequest(fourth, _aws.InstanceId, 3), default));

        Assert.Equal(Ec2ErrorCodes.AttachmentLimitExceeded, error.AwsErrorCode);
        Assert.Equal(VpcCniErrorCategory.LimitExceeded, error.Category);
        Assert.Equal(Ec2Action.AttachNetworkInterface, error.Action);
    }

    [Fact]
    public async Task AssignReturnsOnlyTheNewAddressesAndUnassignReleasesThem()
    {
        var eni = await CreateAsync(secondaries: 1);
        var before = (await DescribeAsync(eni)).PrivateIpAddresses.Select(p => p.Address).ToList();

        var assigned = await _ec2.AssignPrivateIpAddressesAsync(Ec2AssignPrivateIpRequest.Addresses(eni, 2), default);

        Assert.Equal(2, assigned.Addresses.Count);
        Assert.DoesNotContain(assigned.Addresses, before.Contains);
        Assert.Equal(4, (await DescribeAsync(eni)).PrivateIpAddresses.Count);

        await _ec2.UnassignPrivateIpAddressesAsync(new Ec2UnassignPrivateIpRequest { NetworkInterfaceId = eni, PrivateIpAddresses = [assigned.Addresses[0]] }, default);
        var after = await DescribeAsync(eni);
        Assert.DoesNotContain(after.PrivateIpAddresses, p => p.Address.Equals(assigned.Addresses[0]));
        Assert.Equal(3, after.PrivateIpAddresses.Count);
    }

    [Fact]
    public async Task PrefixesAreAssignedAndUnassigned()
    {
        var eni = await CreateAsync();

        var assigned = await _ec2.AssignPrivateIpAddressesAsync(Ec2AssignPrivateIpRequest.Prefixes(eni, 1), default);
        var prefix = Assert.Single(assigned.Prefixes);
        Assert.Equal(28, prefix.PrefixLength);
        Assert.Equal([prefix], (await DescribeAsync(eni)).Ipv4Prefixes);

        await _ec2.UnassignPrivateIpAddressesAsync(new Ec2UnassignPrivateIpRequest { NetworkInterfaceId = eni, Ipv4Prefixes = [prefix] }, default);
        Assert.Empty((await DescribeAsync(eni)).Ipv4Prefixes);
    }

    [Fact]
    public async Task AssigningPastThePerEniLimitIsPrivateIpAddressLimitExceeded()
    {
        var eni = await CreateAsync();
        await _ec2.AttachNetworkInterfaceAsync(new Ec2AttachNetworkInterfaceRequest(eni, _aws.InstanceId, 1), default);

        // m5.large: 10 IPv4 per ENI, the primary included.
        var error = await Assert.ThrowsAsync<Ec2ApiException>(() =>
            _ec2.AssignPrivateIpAddressesAsync(Ec2AssignPrivateIpRequest.Addresses(eni, 10), default));

        Assert.Equal(Ec2ErrorCodes.PrivateIpAddressLimitExceeded, error.AwsErrorCode);
        Assert.Equal(VpcCniErrorCategory.LimitExceeded, error.Category);
    }

    [Fact]
    public async Task Ipv6PrefixIsAssignedAndUnassigned()
    {
        var eni = await CreateAsync();

        var assigned = await _ec2.AssignIpv6AddressesAsync(new Ec2AssignIpv6Request { NetworkInterfaceId = eni, Ipv6PrefixCount = 1 }, default);
        var prefix = Assert.Single(assigned.Prefixes);
        Assert.Equal(80, prefix.PrefixLength);
        Assert.Equal([prefix], (await DescribeAsync(eni)).Ipv6Prefixes);

        var released = await _ec2.UnassignIpv6AddressesAsync(new Ec2UnassignIpv6Request { NetworkInterfaceId = eni, Ipv6Prefixes = [prefix] }, default);
        Assert.Equal([prefix], released.Prefixes);
        Assert.Empty((await DescribeAsync(eni)).Ipv6Prefixes);
    }

    [Fact]
    public async Task SecurityGroupsAreReplaced()
    {
        var eni = await CreateAsync();
        var group = _aws.DefaultSecurityGroup;

        await _ec2.ModifyNetworkInterfaceAttributeAsync(Ec2ModifyNetworkInterfaceRequest.SetSecurityGroups(eni, group), default);

        Assert.Equal([group], (await DescribeAsync(eni)).SecurityGroupIds);
    }

    [Fact]
    public async Task ModifyingTwoAttributesAtOnceIsRejected()
    {
        var error = await Assert.ThrowsAsync<VpcCniException>(() => _ec2.ModifyNetworkInterfaceAttributeAsync(
            new Ec2ModifyNetworkInterfaceRequest { NetworkInterfaceId = "eni-1", SourceDestCheck = false, SecurityGroupIds = ["sg-1"] }, default));

        Assert.Equal("Ec2.InvalidRequest", error.ErrorId);
    }

    [Fact]
    public async Task TagsAreCreatedAndDescribed()
    {
        var eni = await CreateAsync();

        await _ec2.CreateTagsAsync([eni], new Dictionary<string, string> { ["node.k8s.amazonaws.com/createdAt"] = "2025-01-01T00:00:00Z", ["team"] = "net" }, default);
        var tags = await _ec2.DescribeTagsAsync(Ec2DescribeQuery.Where(Ec2Filter.Of("resource-id", eni), Ec2Filter.Of("key", "team")), default);

        var tag = Assert.Single(tags);
        Assert.Equal(new Ec2TagDescription(eni, "network-interface", "team", "net"), tag);
        Assert.Equal("2025-01-01T00:00:00Z", (await DescribeAsync(eni)).Tags["node.k8s.amazonaws.com/createdAt"]);
    }

    private async Task<string> CreateAsync(int secondaries = 0) =>
        (await _ec2.CreateNetworkInterfaceAsync(new Ec2CreateNetworkInterfaceRequest
        {
            SubnetId = _aws.SubnetIn("us-west-2a"),
            SecondaryPrivateIpAddressCount = secondaries,
        }, default)).NetworkInterfaceId;

    private async Task<Ec2NetworkInterface> DescribeAsync(string eni) =>
        Assert.Single(await _ec2.DescribeNetworkInterfacesAsync(Ec2DescribeQuery.ForIds(eni), default));
}
