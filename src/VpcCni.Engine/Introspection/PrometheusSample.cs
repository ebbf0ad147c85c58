namespace VpcCni.Engine.Introspection;

/// <summary>One sample line of a Prometheus text scrape, with its family's <c># TYPE</c> and <c># HELP</c>.</summary>
/// <param name="Name">The sample's own name (<c>awscni_aws_api_latency_ms_sum</c>).</param>
/// <param name="Family">The metric family it belongs to (<c>awscni_aws_api_latency_ms</c>); the name itself unless a histogram or summary suffix was stripped.</param>
/// <param name="Labels">Label names to values, in the order written; empty without labels.</param>
/// <param name="Value">The value; <c>NaN</c> and infinities as written (<c>+Inf</c>).</param>
/// <param name="Type">The family's type.</param>
/// <param name="Help">The family's help text, unescaped; empty without a <c># HELP</c> line.</param>
/// <param name="Timestamp">The optional timestamp (milliseconds since the Unix epoch on the wire).</param>
public sealed record PrometheusSample(
    string Name,
    string Family,
    IReadOnlyDictionary<string, string> Labels,
    double Value,
    PrometheusMetricType Type,
    string Help,
    DateTimeOffset? Timestamp);
