using VpcCni.Engine.Errors;
using VpcCni.Engine.Introspection;

namespace VpcCni.Engine.Tests.Introspection;

public sealed class PrometheusTextParserTests
{
    private const string Scrape = """
        # HELP awscni_ec2api_req_count The number of calls made to EC2
        # TYPE awscni_ec2api_req_count counter
        awscni_ec2api_req_count{fn="CreateNetworkInterface"} 2
        awscni_ec2api_req_count{fn="AssignPrivateIpAddresses"} 5 1700000000000
        # a free comment
        # HELP awscni_aws_api_latency_ms AWS API call latency in ms
        # TYPE awscni_aws_api_latency_ms summary
        awscni_aws_api_latency_ms_sum{api="GetMetadata",error="false",status="200"} 12.5
        awscni_aws_api_latency_ms_count{api="GetMetadata",error="false",status="200"} 3
        # TYPE awscni_ipamd_startup_duration_seconds histogram
        awscni_ipamd_startup_duration_seconds_bucket{success="true",le="+Inf"} 1
        # HELP escaped Back\\slash and\nnewline
        escaped{path="C:\\dir",quote="say \"hi\"",} NaN
        awscni_eni_max -Inf
        """;

    [Fact]
    public void SamplesCarryTheirFamilysTypeHelpAndLabels()
    {
        var samples = PrometheusTextParser.Parse(Scrape);

        var create = samples[0];
        Assert.Equal(("awscni_ec2api_req_count", PrometheusMetricType.Counter, "The number of calls made to EC2", 2.0), (create.Family, create.Type, create.Help, create.Value));
        Assert.Equal("CreateNetworkInterface", create.Labels["fn"]);
        Assert.Null(create.Timestamp);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000000), samples[1].Timestamp);
    }

    [Fact]
    public void SummaryAndHistogramSuffixesBelongToTheirFamily()
    {
        var samples = PrometheusTextParser.Parse(Scrape);

        var sum = samples.Single(s => s.Name == "awscni_aws_api_latency_ms_sum");
        Assert.Equal(("awscni_aws_api_latency_ms", PrometheusMetricType.Summary, 12.5), (sum.Family, sum.Type, sum.Value));
        var bucket = samples.Single(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal));
        Assert.Equal(("awscni_ipamd_startup_duration_seconds", PrometheusMetricType.Histogram, "+Inf"), (bucket.Family, bucket.Type, bucket.Labels["le"]));
    }

    [Fact]
    public void EscapesSpecialValuesAndAMissingTypeAreRead()
    {
        var samples = PrometheusTextParser.Parse(Scrape);

        var escaped = samples.Single(s => s.Name == "escaped");
        Assert.Equal("Back\\slash and\nnewline", escaped.Help);
        Assert.Equal(@"C:\dir", escaped.Labels["path"]);
        Assert.Equal("say \"hi\"", escaped.Labels["quote"]);
        Assert.True(double.IsNaN(escaped.Value));
        Assert.Equal(PrometheusMetricType.Untyped, escaped.Type);
        Assert.Equal(double.NegativeInfinity, samples[^1].Value);
    }

    [Theory]
    [InlineData("metric{a=\"1\" 3", 1)]
    [InlineData("ok 1\nmetric one", 2)]
    [InlineData("ok 1\n\n# TYPE x widget", 3)]
    [InlineData("1metric 3", 1)]
    [InlineData("metric{a=\"unterminated} 3", 1)]
    public void AMalformedLineIsNamed(string text, int line)
    {
        var ex = Assert.Throws<VpcCniException>(() => PrometheusTextParser.Parse(text));

        Assert.Equal(ErrorIds.Introspection.MalformedMetrics, ex.ErrorId);
        Assert.Contains($"Line {line} ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyScrapeHasNoSamples()
    {
        Assert.Empty(PrometheusTextParser.Parse("\n# HELP nothing here\n"));
    }
}
