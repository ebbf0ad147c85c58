namespace VpcCni.Service.Tests.Metrics;

/// <summary>
/// Every <c>awscni_*</c> metric the node feeds carries the value of the code path that owns it, read from a
/// real node's scrape after <see cref="NodeMetricsScenario"/> (labels as upstream's, docs/service.md "Metrics").
/// </summary>
public sealed class NodeMetricsTests(NodeMetricsScenario scenario) : IClassFixture<NodeMetricsScenario>
{
    [Fact]
    public void NodeInitialisationPublishesTheCapacityAndItsDurations()
    {
        var s = MetricsScrape.Samples(scenario.Last);

        Assert.Equal(scenario.Capacity.Enis, s["awscni_eni_max"]);
        Assert.Equal(scenario.Capacity.Ips, s["awscni_ip_max"]);
        Assert.True(scenario.Capacity.Ips > 0);
        Assert.Equal(1, s["awscni_ipamd_node_initialization_duration_seconds_count{success=\"true\"}"]);
        Assert.InRange(s["awscni_ipamd_node_initialization_duration_seconds_sum{success=\"true\"}"], 1e-6, 60);
        Assert.Equal(1, s["awscni_ipamd_startup_duration_seconds_count{success=\"true\",with_api_server=\"false\",failure_reason=\"\"}"]);
        Assert.True(s["awscni_ipamd_startup_duration_seconds_sum{success=\"true\",with_api_server=\"false\",failure_reason=\"\"}"] > 0);
        Assert.Equal(0, s["awscni_ipamd_action_inprogress{fn=\"nodeInit\"}"]);
    }

    [Fact]
    public void EveryEc2CallIsCountedAndTimedByApiWithTheRefusedOnesAsErrors()
    {
        var s = MetricsScrape.Samples(scenario.Last);

        Assert.Equal(2, s["awscni_ec2api_req_count{fn=\"CreateNetworkInterface\"}"]);
        Assert.True(s["awscni_ec2api_req_count{fn=\"AssignPrivateIpAddresses\"}"] >= 1);
        Assert.True(s["awscni_ec2api_req_count{fn=\"DescribeNetworkInterfaces\"}"] >= 3);
        Assert.Equal(1, s["awscni_ec2api_error_count{fn=\"CreateNetworkInterface\"}"]);
        Assert.Equal(1, s["awscni_ec2api_error_count{fn=\"DescribeNetworkInterfaces\"}"]);
        Assert.Equal(1, s["awscni_aws_api_error_count{api=\"CreateNetworkInterface\",error=\"InternalError\"}"]);
        Assert.Equal(1, s["awscni_aws_api_error_count{api=\"DescribeNetworkInterfaces\",error=\"InternalError\"}"]);
        Assert.Equal(1, s["awscni_aws_api_latency_ms_count{api=\"CreateNetworkInterface\",error=\"true\",status=\"500\"}"]);
        Assert.Equal(1, s["awscni_aws_api_latency_ms_count{api=\"CreateNetworkInterface\",error=\"false\",status=\"200\"}"]);
        Assert.True(s["awscni_aws_api_latency_ms_sum{api=\"CreateNetworkInterface\",error=\"false\",status=\"200\"}"] > 0);
        Assert.True(s["awscni_aws_api_latency_ms_count{api=\"GetMetadata\",error=\"false\",status=\"200\"}"] >= 5);
        Assert.DoesNotContain(s.Keys, k => k.StartsWith("awscni_ec2api_req_count{fn=\"GetMetadata\"", StringComparison.Ordinal));
    }

    [Fact]
    public void TheRefusedEniCreationCountsAsIpamdAwsHelperAndEniAllocationError()
    {
        var s = MetricsScrape.Samples(scenario.Last);

        Assert.Equal(1, s["awscni_ipamd_error_count{fn=\"increaseIPPoolAllocENI\"}"]);
        Assert.Equal(1, s["awscni_aws_utils_error_count{fn=\"AllocENI\",error=\"InternalError\"}"]);
        Assert.Equal(1, s["awscni_eni_allocation_error_count"]);
        Assert.Equal(0, s["awscni_ipamd_action_inprogress{fn=\"increaseDatastorePool\"}"]);
    }

    [Fact]
    public void ReconciliationCountsTheRemovedAddressAndTheFailedRun()
    {
        var s = MetricsScrape.Samples(scenario.Last);

        Assert.Equal(1, s["awscni_reconcile_count{fn=\"eniIPPoolReconcileDel\"}"]);
        Assert.Equal(1, s["awscni_reconcile_error_count"]);
        Assert.Equal(1, s["awscni_ipamd_error_count{fn=\"reconcileFailedGetENIs\"}"]);
        Assert.InRange(s["awscni_ipamd_action_inprogress{fn=\"nodeIPPoolReconcile\"}"], 0, 1);
        Assert.Equal(0, s["awscni_force_removed_enis"]);
        Assert.Equal(0, s["awscni_force_removed_ips"]);
    }

    [Fact]
    public void ThePodsAddAndDeleteMoveTheAllocationCounterAndTheCooldownQueue()
    {
        var first = MetricsScrape.Samples(scenario.First);
        var s = MetricsScrape.Samples(scenario.Last);

        Assert.Equal(0, first["awscni_ip_allocation_total"]);
        Assert.Equal(9, first["awscni_total_ip_addresses"]);
        Assert.Equal(1, s["awscni_ip_allocation_total"]);
        Assert.Equal(1, s["awscni_ip_cooldown_queue_size"]);
        Assert.Equal(0, s["awscni_assigned_ip_addresses"]);
        Assert.True(s["awscni_total_ip_addresses"] >= 8);
        Assert.True(s["awscni_eni_allocated"] >= 1);
    }

    [PromtoolFact]
    public async Task PromtoolCheckMetricsParsesTheScrape()
    {
        var (exitCode, output) = await Promtool.CheckMetricsAsync(scenario.Last);

        Assert.True(Promtool.OnlyLintNotes(exitCode, output), $"promtool check metrics exited {exitCode}:\n{output}");
    }

    [PromtoolFact]
    public async Task EveryMonitoringQueryOfTheGuideReturnsASampleFromTheNodesScrapes()
    {
        var queries = GuideQueries.Read();
        using var directory = new TempDirectory();
        var testFile = await GuideQueries.WritePromtoolTestAsync(directory.Path, queries, scenario.First, scenario.Last);

        var (exitCode, output) = await Promtool.TestRulesAsync(testFile);

        Assert.Equal(6, queries.Count);
        Assert.True(exitCode == 0, $"promtool test rules exited {exitCode}:\n{output}");
    }
}
