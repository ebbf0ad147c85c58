namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>Reading a node service's introspection and metrics endpoints (<c>Introspection/IntrospectionClient</c>; docs/service.md, "Introspection").</summary>
    public static class Introspection
    {
        /// <summary>The endpoint is not <c>http://host:port</c>, <c>host:port</c>, <c>:port</c> or <c>unix:/absolute/path</c>.</summary>
        public const string InvalidEndpoint = "Introspection.InvalidEndpoint";

        /// <summary>Nothing answered at the endpoint (connection refused, no such socket, host unreachable).</summary>
        public const string Unreachable = "Introspection.Unreachable";

        /// <summary>The endpoint accepted the connection but did not answer in time.</summary>
        public const string Timeout = "Introspection.Timeout";

        /// <summary>The endpoint answered with an unexpected status or a body that is not the expected JSON.</summary>
        public const string BadResponse = "Introspection.BadResponse";

        /// <summary>The metrics endpoint's body is not the Prometheus text exposition format.</summary>
        public const string MalformedMetrics = "Introspection.MalformedMetrics";

        /// <summary>The node's pool cannot be predicted: the ENI limits are neither in the metrics nor given.</summary>
        public const string LimitsUnknown = "Introspection.LimitsUnknown";

        /// <summary>No <c>vpc-cni-node</c> executable was found to run a simulated node with.</summary>
        public const string NodeExecutableNotFound = "Introspection.NodeExecutableNotFound";

        /// <summary>A simulated node exited before it was ready (its stderr is in the message).</summary>
        public const string NodeStartFailed = "Introspection.NodeStartFailed";

        /// <summary>A simulated node did not become ready (<c>/readyz</c>) in time; it was stopped.</summary>
        public const string NodeNotReady = "Introspection.NodeNotReady";
    }
}
