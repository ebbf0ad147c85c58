using System.Net;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Tests.Aws.Support;
using Ec2ErrorCodes = VpcCni.Engine.Aws.Ec2ErrorCodes;

namespace VpcCni.Engine.Tests.Aws;

/// <summary>
/// <see cref="SdkEc2Api"/> through the real <c>AmazonEC2Client</c> against the simulator: describe
/// calls, filters and paging. Other aspects are in the partial files next to this one.
/// </summary>
public sealed partial class SdkEc2ApiTests : IAsyncLifetime
{
    private SimulatedAws _aws = null!;
    private SdkEc2Api _ec2 = null!;

    public async Task InitializeAsync()
    {
        _aws = await SimulatedAws.StartAsync();
        _ec2 = _aws.Ec2();
    }

    public async Task DisposeAsync() => await _aws.DisposeAsync();

    [Fact]
    public async Task DescribeInstancesReturnsTheInstanceWithItsPrimaryEni()
    {
        var instance = Assert.Single(await _ec2.DescribeInstancesAsync(Ec2DescribeQuery.ForIds(_aws.InstanceId), default));

        Assert.Equal(_aws.InstanceId, instance.InstanceId);
        Assert.Equal("m5.large", instance.InstanceType);
        Assert.Equal("us-west-2a", instance.AvailabilityZone);
        Assert.Equal("running", instance.State);
        var primary = Assert.Single(instance.NetworkInterfaces);
        Assert.NotNull(primary.Attachment);
        Assert.Equal(0, primary.Attachment.DeviceIndex);
        Assert.Equal(0, primary.Attachment.NetworkCardIndex);
        Assert.Equal(_aws.InstanceId, primary.Attachment.InstanceId);
        Assert.Equal(instance.PrivateIpAddress, primary.PrimaryIpAddress);
    }

    [Fact]
    public async Task DescribeInstanceTypesReadsNetworkInfo()
    {
        var type = Assert.Single(await _ec2.DescribeInstanceTypesAsync(Ec2DescribeQuery.ForIds("m5.large"), default));

        Assert.Equal("m5.large", type.InstanceType);
        Assert.Equal(3, type.MaximumNetworkInterfaces);
        Assert.Equal(10, type.Ipv4AddressesPerInterface);
        Assert.Equal("nitro", type.Hypervisor);
        Assert.Equal(2, type.DefaultVCpus);
        Assert.Equal(3, type.ToLimits().EniLimit);
    }

    [Fact]
    public async Task MultiCardTypeTakesTheDefaultCardsEniLimit()
    {
        var type = Assert.Single(await _ec2.DescribeInstanceTypesAsync(Ec2DescribeQuery.ForIds("p4d.24xlarge"), default));

        Assert.Equal(4, type.NetworkCards.Count);
        Assert.Equal(15, type.ToLimits().EniLimit);
    }

    [Fact]
    public async Task DescribeSubnetsFiltersByZoneAndReportsFreeAddresses()
    {
        var subnet = Assert.Single(await _ec2.DescribeSubnetsAsync(
            Ec2DescribeQuery.Where(Ec2Filter.Of("availability-zone", "us-west-2b")), default));

        Assert.Equal(IPNetwork.Parse("10.0.32.0/19"), subnet.CidrBlock);
        Assert.Equal(8192 - 5, subnet.AvailableIpAddressCount);
        Assert.Equal("us-west-2b", subnet.AvailabilityZone);
        Assert.StartsWith("vpc-", subnet.VpcId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AvailableAddressCountFollowsAllocations()
    {
        var subnetId = _aws.SubnetIn("us-west-2a");
        var before = Assert.Single(await _ec2.DescribeSubnetsAsync(Ec2DescribeQuery.ForIds(subnetId), default)).AvailableIpAddressCount;

        await _ec2.CreateNetworkInterfaceAsync(new Ec2CreateNetworkInterfaceRequest { SubnetId = subnetId, SecondaryPrivateIpAddressCount = 4 }, default);

        var after = Assert.Single(await _ec2.DescribeSubnetsAsync(Ec2DescribeQuery.ForIds(subnetId), default)).AvailableIpAddressCount;
        Assert.Equal(before - 5, after);
    }

    [Fact]
    public async Task DescribeSecurityGroupsReturnsTheDefaultGroup()
    {
        var group = Assert.Single(await _ec2.DescribeSecurityGroupsAsync(Ec2DescribeQuery.All, default));

        Assert.Equal(_aws.DefaultSecurityGroup, group.GroupId);
        Assert.Equal("default", group.GroupName);
    }

    [Fact]
    public async Task PagingFollowsNextTokenUntilEveryEniIsReturned()
    {
        var subnetId = _aws.SubnetIn("us-west-2a");
        for (var i = 0; i < 12; i++)
        {
            await _ec2.CreateNetworkInterfaceAsync(new Ec2CreateNetworkInterfaceRequest { SubnetId = subnetId, Tags = new Dictionary<string, string> { ["batch"] = "paging" } }, default);
        }

        _aws.Sim.RequestLog.Clear();
        var enis = await _ec2.DescribeNetworkInterfacesAsync(new Ec2DescribeQuery { Filters = [Ec2Filter.Tag("batch", "paging")], PageSize = 5 }, default);

        Assert.Equal(12, enis.Count);
        Assert.Equal(12, enis.Select(e => e.NetworkInterfaceId).Distinct().Count());
        Assert.Equal(3, _aws.Requests("DescribeNetworkInterfaces").Count);
    }

    [Fact]
    public async Task FiltersAreAndedAndTheirValuesOred()
    {
        var subnetA = _aws.SubnetIn("us-west-2a");
        var subnetB = _aws.SubnetIn("us-west-2b");
        await _ec2.CreateNetworkInterfaceAsync(new Ec2CreateNetworkInterfaceRequest { SubnetId = subnetA, Tags = new Dictionary<string, string> { ["role"] = "x" } }, default);
        await _ec2.CreateNetworkInterfaceAsync(new Ec2CreateNetworkInterfaceRequest { SubnetId = subnetB, Tags = new Dictionary<string, string> { ["role"] = "y" } }, default);
        await _ec2.CreateNetworkInterfaceAsync(new Ec2CreateNetworkInterfaceRequest { SubnetId = subnetB, Tags = new Dictionary<string, string> { ["role"] = "z" } }, default);

        var roleXorY = await _ec2.DescribeNetworkInterfacesAsync(Ec2DescribeQuery.Where(Ec2Filter.Tag("role", "x", "y")), default);
        var roleYorZInB = await _ec2.DescribeNetworkInterfacesAsync(
            Ec2DescribeQuery.Where(Ec2Filter.Tag("role", "y", "z"), Ec2Filter.Of("subnet-id", subnetB), Ec2Filter.Of("status", "available")), default);
        var attachedToNode = await _ec2.DescribeNetworkInterfacesAsync(Ec2DescribeQuery.Where(Ec2Filter.Of("attachment.instance-id", _aws.InstanceId)), default);

        Assert.Equal(2, roleXorY.Count);
        Assert.Equal(2, roleYorZInB.Count);
        Assert.Single(attachedToNode);
    }

    [Fact]
    public async Task PageSizeWithIdsIsRejectedBeforeCallingEc2()
    {
        var error = await Assert.ThrowsAsync<VpcCniException>(() => _ec2.DescribeNetworkInterfacesAsync(
            new Ec2DescribeQuery { Ids = ["eni-00000000000000000"], PageSize = 5 }, default));

        Assert.Equal("Ec2.InvalidRequest", error.ErrorId);
        Assert.Empty(_aws.Requests("DescribeNetworkInterfaces"));
    }

    [Fact]
    public async Task UnknownEniIdIsNotFoundAndItsIdCanBeRead()
    {
        var error = await Assert.ThrowsAsync<Ec2ApiException>(() =>
            _ec2.DescribeNetworkInterfacesAsync(Ec2DescribeQuery.ForIds("eni-0123456789abcdef0"), default));

        Assert.Equal(Ec2ErrorCodes.NetworkInterfaceNotFound, error.AwsErrorCode);
        Assert.Equal("Ec2.InvalidNetworkInterfaceID.NotFound", error.ErrorId);
        Assert.Equal(VpcCniErrorCategory.NotFound, error.Category);
        Assert.Equal(HttpStatusCode.BadRequest, error.HttpStatus);
        Assert.Equal("eni-0123456789abcdef0", error.QuotedResourceId);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.IsType<Amazon.EC2.AmazonEC2Exception>(error.InnerException);
    }
}
