using System.Net;
using System.Text.Json;
using VpcCni.Service.Tests.Support;

namespace VpcCni.Service.Tests.Introspection;

public sealed class IntrospectionEndpointsTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task EnisShowsEachEniWithItsCidrsAddressesAndTotalsInUpstreamShape()
    {
        var ports = HttpListeners.Allocate();
        await using var service = await ServiceHarness.StartAsync(d => ServiceHarness.SeedTwoEnis(d, 2), ports.Settings());
        var first = await service.Cni.AddNetworkAsync(ServiceHarness.AddRequest("c1"));
        await service.Cni.AddNetworkAsync(ServiceHarness.AddRequest("c2"));

        using var body = await GetJsonAsync(ports.Introspection("/v1/enis"));

        var card = Assert.Single(body.RootElement.EnumerateObject());
        Assert.Equal("0", card.Name);
        Assert.Equal(4, card.Value.GetProperty("TotalIPs").GetInt32());
        Assert.Equal(2, card.Value.GetProperty("AssignedIPs").GetInt32());
        var enis = card.Value.GetProperty("ENIs");
        Assert.Equal(["eni-primary", "eni-second"], enis.EnumerateObject().Select(e => e.Name));
        var primary = enis.GetProperty("eni-primary");
        Assert.Equal("eni-primary", primary.GetProperty("ID").GetString());
        Assert.True(primary.GetProperty("IsPrimary").GetBoolean());
        Assert.False(primary.GetProperty("IsTrunk").GetBoolean());
        Assert.False(primary.GetProperty("IsEFA").GetBoolean());
        Assert.Equal(0, primary.GetProperty("DeviceNumber").GetInt32());
        Assert.Equal(254, primary.GetProperty("RouteTableID").GetInt32());
        Assert.False(primary.GetProperty("IsExcludedForPodIPs").GetBoolean());
        Assert.Empty(primary.GetProperty("IPv6Cidrs").EnumerateObject());
        Assert.Equal(["10.0.1.10/32", "10.0.1.11/32"], primary.GetProperty("AvailableIPv4Cidrs").EnumerateObject().Select(c => c.Name));

        var given = first.IPAllocationMetadata[0].IPv4Addr;
        var cidr = enis.EnumerateObject().SelectMany(e => e.Value.GetProperty("AvailableIPv4Cidrs").EnumerateObject()).Single(c => c.Name == given + "/32").Value;
        Assert.Equal(given, cidr.GetProperty("Cidr").GetProperty("IP").GetString());
        Assert.Equal("/////w==", cidr.GetProperty("Cidr").GetProperty("Mask").GetString());
        Assert.False(cidr.GetProperty("IsPrefix").GetBoolean());
        Assert.Equal("4", cidr.GetProperty("AddressFamily").GetString());
        var address = cidr.GetProperty("IPAddresses").GetProperty(given);
        Assert.Equal(given, address.GetProperty("Address").GetString());
        var key = address.GetProperty("IPAMKey");
        Assert.Equal((ServiceHarness.NetworkName, "", ""), (key.GetProperty("networkName").GetString(), key.GetProperty("containerID").GetString(), key.GetProperty("ifName").GetString()));
        Assert.Equal("pod-c1", address.GetProperty("IPAMMetadata").GetProperty("k8sPodName").GetString());
        Assert.Equal("default", address.GetProperty("IPAMMetadata").GetProperty("k8sPodNamespace").GetString());
        Assert.NotEqual("0001-01-01T00:00:00Z", address.GetProperty("AssignedTime").GetString());
        Assert.Equal("0001-01-01T00:00:00Z", address.GetProperty("UnassignedTime").GetString());
    }

    [Fact]
    public async Task PodsListsEveryAssignedInterfaceWithItsAddressEniAndFullKey()
    {
        var ports = HttpListeners.Allocate();
        await using var service = await ServiceHarness.StartAsync(d => ServiceHarness.SeedSecondaryEni(d, "10.0.5.7/32", "10.0.5.8/32"), ports.Settings());
        await service.Cni.AddNetworkAsync(ServiceHarness.AddRequest("c1"));
        await service.Cni.AddNetworkAsync(ServiceHarness.AddRequest("c1", "eth1"));

        using var body = await GetJsonAsync(ports.Introspection("/v1/pods"));

        var pods = body.RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, pods.Length);
        Assert.Equal(["eth0", "eth1"], pods.Select(p => p.GetProperty("IfName").GetString()));
        Assert.Equal(["10.0.5.7", "10.0.5.8"], pods.Select(p => p.GetProperty("IPv4Addr").GetString()));
        var pod = pods[0];
        Assert.Equal("default", pod.GetProperty("PodNamespace").GetString());
        Assert.Equal("pod-c1", pod.GetProperty("PodName").GetString());
        Assert.Equal(ServiceHarness.NetworkName, pod.GetProperty("NetworkName").GetString());
        Assert.Equal("c1", pod.GetProperty("ContainerID").GetString());
        Assert.Equal("eni-second", pod.GetProperty("ENI").GetString());
        Assert.Equal(1, pod.GetProperty("DeviceNumber").GetInt32());
        Assert.Equal(2, pod.GetProperty("RouteTableID").GetInt32());
        Assert.Equal(0, pod.GetProperty("NetworkCard").GetInt32());
    }

    [Fact]
    public async Task EnvSettingsEndpointsReportUpstreamsVariablesWithTheirCurrentValues()
    {
        var ports = HttpListeners.Allocate();
        await using var service = await ServiceHarness.StartAsync(settings: ports.Settings(new Dictionary<string, string?>
        {
            ["WARM_IP_TARGET"] = "5",
            ["AWS_VPC_K8S_CNI_EXTERNALSNAT"] = "true",
            ["AWS_VPC_K8S_CNI_RANDOMIZESNAT"] = "hashrandom",
            ["AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS"] = "172.16.0.0/12",
        }));

        using var ipamd = await GetJsonAsync(ports.Introspection("/v1/ipamd-env-settings"));
        using var network = await GetJsonAsync(ports.Introspection("/v1/networkutils-env-settings"));

        var i = ipamd.RootElement;
        Assert.Equal(
            ["AWS_MANAGE_ENIS_NON_SCHEDULABLE", "AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG", "ENABLE_SUBNET_DISCOVERY", "IP_COOLDOWN_PERIOD", "MINIMUM_IP_TARGET", "WARM_ENI_TARGET", "WARM_IP_TARGET", "WARM_PREFIX_TARGET"],
            i.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal((30, 0), (i.GetProperty("IP_COOLDOWN_PERIOD").GetInt32(), i.GetProperty("MINIMUM_IP_TARGET").GetInt32()));
        Assert.Equal(5, i.GetProperty("WARM_IP_TARGET").GetInt32());
        Assert.Equal(1, i.GetProperty("WARM_ENI_TARGET").GetInt32());
        Assert.False(i.GetProperty("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG").GetBoolean());
        var n = network.RootElement;
        Assert.Equal(
            ["AWS_EXTERNAL_SERVICE_CIDRS", "AWS_VPC_CNI_NODE_PORT_SUPPORT", "AWS_VPC_ENI_MTU", "AWS_VPC_K8S_CNI_CONNMARK", "AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS",
                "AWS_VPC_K8S_CNI_EXTERNALSNAT", "AWS_VPC_K8S_CNI_RANDOMIZESNAT", "AWS_VPC_K8S_CNI_VETHPREFIX"],
            n.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.True(n.GetProperty("AWS_VPC_K8S_CNI_EXTERNALSNAT").GetBoolean());
        Assert.Equal(1, n.GetProperty("AWS_VPC_K8S_CNI_RANDOMIZESNAT").GetInt32());
        Assert.Equal(["172.16.0.0/12"], n.GetProperty("AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(128, n.GetProperty("AWS_VPC_K8S_CNI_CONNMARK").GetInt32());
        Assert.Equal(9001, n.GetProperty("AWS_VPC_ENI_MTU").GetInt32());
        Assert.Equal("eni", n.GetProperty("AWS_VPC_K8S_CNI_VETHPREFIX").GetString());
        Assert.True(n.GetProperty("AWS_VPC_CNI_NODE_PORT_SUPPORT").GetBoolean());
    }

    [Fact]
    public async Task EniConfigsAnswersNoEniConfigsAndTheDefaultNameWithoutCustomNetworking()
    {
        var ports = HttpListeners.Allocate();
        await using var service = await ServiceHarness.StartAsync(settings: ports.Settings());

        using var body = await GetJsonAsync(ports.Introspection("/v1/eni-configs"));

        Assert.Empty(body.RootElement.GetProperty("ENI").EnumerateObject());
        Assert.Equal("default", body.RootElement.GetProperty("MyENI").GetString());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/v2/enis")]
    public async Task AnUnknownPathListsTheAvailableCommands(string path)
    {
        var ports = HttpListeners.Allocate();
        await using var service = await ServiceHarness.StartAsync(settings: ports.Settings());

        using var body = await GetJsonAsync(ports.Introspection(path));

        Assert.Equal(
            ["/v1/enis", "/v1/pods", "/v1/eni-configs", "/v1/ipamd-env-settings", "/v1/networkutils-env-settings", "/v1/node", "/healthz", "/readyz"],
            body.RootElement.GetProperty("AvailableCommands").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task HealthzAnswersOkWhileTheProcessServesEvenWithAnEmptyPool()
    {
        var ports = HttpListeners.Allocate();
        await using var service = await ServiceHarness.StartAsync(settings: ports.Settings());

        using var response = await Http.GetAsync(ports.Introspection("/healthz"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ReadyzIsUnavailableUntilAnEniHasAFreeAddressAndAgainOnceItIsTaken()
    {
        var ports = HttpListeners.Allocate();
        await using var service = await ServiceHarness.StartAsync(settings: ports.Settings());
        var readyz = ports.Introspection("/readyz");

        using var empty = await Http.GetAsync(readyz);
        service.Datastore.AddEni(new() { Id = "eni-second", DeviceNumber = 1, RouteTableId = 2 });
        using var eniWithoutAddresses = await Http.GetAsync(readyz);
        service.Datastore.AddCidr("eni-second", IPNetwork.Parse("10.0.5.7/32"));
        using var ready = await Http.GetAsync(readyz);
        await service.Cni.AddNetworkAsync(ServiceHarness.AddRequest("c1"));
        using var full = await Http.GetAsync(readyz);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, empty.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, eniWithoutAddresses.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, full.StatusCode);
        Assert.Contains("no free address", await full.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<JsonDocument> GetJsonAsync(Uri uri)
    {
        using var response = await Http.GetAsync(uri);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
