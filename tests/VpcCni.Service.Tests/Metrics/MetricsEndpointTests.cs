using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using VpcCni.Service.Tests.Support;

namespace VpcCni.Service.Tests.Metrics;

public sealed class MetricsEndpointTests
{
    private static readonly HttpClient Http = new();

    /// <summary>Upstream's ipamd metrics and the ones the monitoring queries use, with their types.</summary>
    public static TheoryData<string, string> Metrics { get; } = new()
    {
        { "awscni_ipamd_error_count", "counter" },
        { "awscni_ipamd_action_inprogress", "gauge" },
        { "awscni_eni_max", "gauge" },
        { "awscni_ip_max", "gauge" },
        { "awscni_reconcile_count", "counter" },
        { "awscni_add_ip_req_count", "counter" },
        { "awscni_del_ip_req_count", "counter" },
        { "awscni_pod_eni_error_count", "counter" },
        { "awscni_aws_api_latency_ms", "summary" },
        { "awscni_aws_api_error_count", "counter" },
        { "awscni_aws_utils_error_count", "counter" },
        { "awscni_ec2api_req_count", "counter" },
        { "awscni_ec2api_error_count", "counter" },
        { "awscni_eni_allocated", "gauge" },
        { "awscni_total_ip_addresses", "gauge" },
        { "awscni_assigned_ip_addresses", "gauge" },
        { "awscni_force_removed_enis", "counter" },
        { "awscni_force_removed_ips", "counter" },
        { "awscni_total_ipv4_prefixes", "gauge" },
        { "awscni_assigned_ip_per_cidr", "gauge" },
        { "awscni_no_available_ip_addresses", "counter" },
        { "awscni_assigned_ip_per_eni", "gauge" },
        { "awscni_ipamd_startup_duration_seconds", "histogram" },
        { "awscni_ipamd_node_initialization_duration_seconds", "histogram" },
        { "awscni_connmark_backend", "gauge" },
        { "awscni_connmark_reconcile_total", "counter" },
        { "awscni_build_info", "gauge" },
        { "awscni_ip_allocation_total", "counter" },
        { "awscni_eni_allocation_error_count", "counter" },
        { "awscni_pod_eni_allocation_duration_seconds", "histogram" },
        { "awscni_ip_cooldown_queue_size", "gauge" },
        { "awscni_reconcile_error_count", "counter" },
    };

    [Fact]
    public async Task TheScrapeDeclaresEveryMetricWithItsUpstreamType()
    {
        var ports = HttpListeners.Allocate();
        await using var service = await ServiceHarness.StartAsync(settings: ports.Settings());

        var lines = (await ScrapeAsync(ports)).Split('\n');

        foreach (var (name, type) in Metrics.Select(row => ((string)row[0], (string)row[1])))
        {
            Assert.Contains($"# TYPE {name} {type}", lines);
        }
    }

    [Fact]
    public async Task AddAndDelNetworkMoveTheRequestCountersAndThePoolGauges()
    {
        var ports = HttpListeners.Allocate();
        await using var service = await ServiceHarness.StartAsync(d => ServiceHarness.SeedTwoEnis(d, 2), ports.Settings());
        var before = await ScrapeAsync(ports);

        var first = await service.Cni.AddNetworkAsync(ServiceHarness.AddRequest("c1"));
        await service.Cni.AddNetworkAsync(ServiceHarness.AddRequest("c1"));
        await service.Cni.AddNetworkAsync(ServiceHarness.AddRequest("c2"));
        await service.Cni.DelNetworkAsync(ServiceHarness.DelRequest("c2"));
        var after = await ScrapeAsync(ports);

        Assert.Equal(0, Sample(before, "awscni_add_ip_req_count"));
        Assert.Equal(0, Sample(before, "awscni_assigned_ip_addresses"));
        Assert.Equal(3, Sample(after, "awscni_add_ip_req_count"));
        Assert.Equal(2, Sample(after, "awscni_ip_allocation_total"));
        Assert.Equal(1, Sample(after, "awscni_del_ip_req_count{reason=\"PodDeleted\"}"));
        Assert.Equal(1, Sample(after, "awscni_assigned_ip_addresses"));
        Assert.Equal(1, Sample(after, "awscni_ip_cooldown_queue_size"));
        Assert.Equal(4, Sample(after, "awscni_total_ip_addresses"));
        Assert.Equal(2, Sample(after, "awscni_eni_allocated"));
        Assert.Equal(0, Sample(after, "awscni_total_ipv4_prefixes"));
        Assert.Equal(1, Sample(after, $"awscni_assigned_ip_per_cidr{{cidr=\"{first.IPAllocationMetadata[0].IPv4Addr}/32\"}}"));
        Assert.Equal(1, Sample(after, "awscni_assigned_ip_per_eni{eni=\"eni-primary\"}") + Sample(after, "awscni_assigned_ip_per_eni{eni=\"eni-second\"}"));
    }

    [Fact]
    public async Task AnAddNetworkOnAnEmptyPoolCountsNoAvailableAddress()
    {
        var ports = HttpListeners.Allocate();
        await using var service = await ServiceHarness.StartAsync(settings: ports.Settings());

        var reply = await service.Cni.AddNetworkAsync(ServiceHarness.AddRequest("c1"));
        var scrape = await ScrapeAsync(ports);

        Assert.False(reply.Success);
        Assert.Equal(1, Sample(scrape, "awscni_no_available_ip_addresses"));
        Assert.Equal(1, Sample(scrape, "awscni_add_ip_req_count"));
        Assert.Equal(0, Sample(scrape, "awscni_ip_allocation_total"));
    }

    [PromtoolFact]
    public async Task PromtoolCheckMetricsFindsNoErrorInTheScrape()
    {
        var ports = HttpListeners.Allocate();
        await using var service = await ServiceHarness.StartAsync(d => ServiceHarness.SeedTwoEnis(d, 2), ports.Settings());
        await service.Cni.AddNetworkAsync(ServiceHarness.AddRequest("c1"));
        await service.Cni.DelNetworkAsync(ServiceHarness.DelRequest("c1"));
        var scrape = await ScrapeAsync(ports);

        var (exitCode, output) = await Promtool.CheckMetricsAsync(scrape);

        Assert.True(Promtool.OnlyLintNotes(exitCode, output), $"promtool check metrics exited {exitCode}:\n{output}");
    }

    [Theory]
    [InlineData("true")]
    [InlineData("t")]
    public async Task DisableMetricsRemovesTheListener(string disable)
    {
        var ports = HttpListeners.Allocate();
        await using var service = await ServiceHarness.StartAsync(settings: ports.Settings(new Dictionary<string, string?> { ["DISABLE_METRICS"] = disable }));

        var addresses = service.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;

        Assert.DoesNotContain(addresses, a => a.EndsWith($":{ports.MetricsPort}", StringComparison.Ordinal));
        await Assert.ThrowsAsync<HttpRequestException>(() => Http.GetAsync(ports.Metrics));
    }

    [Fact]
    public async Task TheMetricsListenerServesOnlyMetrics()
    {
        var ports = HttpListeners.Allocate();
        await using var service = await ServiceHarness.StartAsync(settings: ports.Settings());

        using var other = await Http.GetAsync(new Uri($"http://127.0.0.1:{ports.MetricsPort}/v1/enis"));
        using var metricsOnIntrospection = await Http.GetAsync(ports.Introspection("/metrics"));

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain("awscni_", await metricsOnIntrospection.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<string> ScrapeAsync(HttpListeners ports) => MetricsScrape.GetAsync(ports.Metrics);

    private static double Sample(string scrape, string series) => MetricsScrape.Sample(scrape, series);
}
