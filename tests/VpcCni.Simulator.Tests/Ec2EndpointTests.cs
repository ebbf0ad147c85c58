using System.Net;
using System.Xml.Linq;
using Amazon.EC2.Model;
using VpcCni.Simulator.Tests.Support;

namespace VpcCni.Simulator.Tests;

public sealed class Ec2EndpointTests
{
    private static readonly XNamespace Ns = "http://ec2.amazonaws.com/doc/2016-11-15/";

    [Fact]
    public async Task DescribeInstancesShowsTheDefaultInstanceWithItsPrimaryEni()
    {
        await using var sim = await SimHarness.StartAsync();
        var response = await sim.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [sim.InstanceId] });
        var instance = response.Reservations.Single().Instances.Single();
        Assert.Equal("m5.large", instance.InstanceType.Value);
        Assert.Equal("us-west-2a", instance.Placement.AvailabilityZone);
        Assert.Equal("running", instance.State.Name.Value);
        var eni = instance.NetworkInterfaces.Single();
        Assert.Equal(0, eni.Attachment.DeviceIndex);
        Assert.Equal(0, eni.Attachment.NetworkCardIndex);
        Assert.Equal("attached", eni.Attachment.Status.Value);
        Assert.True(eni.Attachment.DeleteOnTermination);
        Assert.Equal(instance.PrivateIpAddress, eni.PrivateIpAddress);
        Assert.False(string.IsNullOrEmpty(response.ResponseMetadata.RequestId));
    }

    [Fact]
    public async Task UnknownInstanceIdAnswersInvalidInstanceIdNotFound()
    {
        await using var sim = await SimHarness.StartAsync();
        var ex = await Expect.Ec2ErrorAsync("InvalidInstanceID.NotFound", 400, () => sim.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-0123456789abcdef0"] }));
        Assert.Equal("The instance ID 'i-0123456789abcdef0' does not exist", ex.Message);
    }

    [Fact]
    public async Task UnknownActionAnswersInvalidActionInTheErrorEnvelope()
    {
        await using var sim = await SimHarness.StartAsync();
        using var http = new HttpClient();
        var response = await http.PostAsync(sim.Server.Ec2Endpoint, new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "RunInstances", ["Version"] = "2016-11-15" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Response", xml.Root!.Name.LocalName);
        Assert.Equal("InvalidAction", xml.Root.Element("Errors")!.Element("Error")!.Element("Code")!.Value);
        Assert.False(string.IsNullOrEmpty(xml.Root.Element("RequestID")!.Value));
        Assert.NotNull(response.Headers.Date);
    }

    [Fact]
    public async Task SuccessEnvelopeUsesTheEc2NamespaceWithRequestIdFirst()
    {
        await using var sim = await SimHarness.StartAsync();
        using var http = new HttpClient();
        var body = await http.GetStringAsync(new Uri(sim.Server.Ec2Endpoint, "?Action=DescribeSubnets&Version=2016-11-15&Filter.1.Name=availability-zone&Filter.1.Value.1=us-west-2b"));
        var root = XDocument.Parse(body).Root!;
        Assert.Equal(Ns + "DescribeSubnetsResponse", root.Name);
        Assert.Equal(Ns + "requestId", root.Elements().First().Name);
        var item = root.Element(Ns + "subnetSet")!.Elements(Ns + "item").Single();
        Assert.Equal("10.0.32.0/19", item.Element(Ns + "cidrBlock")!.Value);
    }

    [Fact]
    public async Task DescribeSubnetsCountsFiveReservedAddressesAndTracksAllocations()
    {
        await using var sim = await SimHarness.StartAsync();
        async Task<int> AvailableAsync() => (await sim.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [sim.SubnetA] })).Subnets.Single().AvailableIpAddressCount!.Value;
        Assert.Equal(8192 - 5 - 1, await AvailableAsync());
        await sim.CreateEniAsync(secondaries: 3);
        Assert.Equal(8192 - 5 - 1 - 4, await AvailableAsync());
        var all = await sim.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("vpc-id", [sim.World.Inspect(w => w.Vpcs.Keys.Single())])] });
        Assert.Equal(["us-west-2a", "us-west-2b", "us-west-2c"], all.Subnets.Select(s => s.AvailabilityZone).Order());
    }

    [Fact]
    public async Task DescribeSecurityGroupsListsTheDefaultGroup()
    {
        await using var sim = await SimHarness.StartAsync();
        var groups = await sim.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest());
        Assert.Equal("default", groups.SecurityGroups.Single().GroupName);
        await Expect.Ec2ErrorAsync("InvalidGroup.NotFound", 400, () => sim.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = ["sg-00000000000000000"] }));
    }

    [Fact]
    public async Task DescribeInstanceTypesReportsCatalogLimitsPerCard()
    {
        await using var sim = await SimHarness.StartAsync();
        var response = await sim.Ec2.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { InstanceTypes = ["m5.large", "p4d.24xlarge"] });
        var m5 = response.InstanceTypes.Single(t => t.InstanceType.Value == "m5.large");
        Assert.Equal(3, m5.NetworkInfo.MaximumNetworkInterfaces);
        Assert.Equal(10, m5.NetworkInfo.Ipv4AddressesPerInterface);
        Assert.Equal("nitro", m5.Hypervisor.Value);
        var p4d = response.InstanceTypes.Single(t => t.InstanceType.Value == "p4d.24xlarge");
        Assert.Equal(60, p4d.NetworkInfo.MaximumNetworkInterfaces);
        Assert.Equal(4, p4d.NetworkInfo.MaximumNetworkCards);
        Assert.All(p4d.NetworkInfo.NetworkCards, c => Assert.Equal(15, c.MaximumNetworkInterfaces));
        var ex = await Expect.Ec2ErrorAsync("InvalidInstanceType", 400, () => sim.Ec2.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { InstanceTypes = ["x9.huge"] }));
        Assert.Contains("x9.huge", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeInstanceTypesPagesThroughTheWholeCatalog()
    {
        await using var sim = await SimHarness.StartAsync();
        var names = new List<string>();
        string? token = null;
        do
        {
            var page = await sim.Ec2.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { MaxResults = 100, NextToken = token });
            Assert.True(page.InstanceTypes.Count <= 100);
            names.AddRange(page.InstanceTypes.Select(t => t.InstanceType.Value));
            token = page.NextToken;
        }
        while (token is not null);
        Assert.Equal(VpcCni.Engine.Limits.InstanceTypeCatalog.Embedded.Count, names.Distinct().Count());
    }
}
