namespace VpcCni.Engine.Introspection;

/// <summary>The <c># TYPE</c> of a metric family in the Prometheus text exposition format (prometheus.io, "Exposition formats").</summary>
public enum PrometheusMetricType
{
    /// <summary>No <c># TYPE</c> line, or <c>untyped</c>.</summary>
    Untyped,

    Counter,

    Gauge,

    Histogram,

    Summary,
}
