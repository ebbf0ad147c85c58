namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>
    /// EC2 calls. An error EC2 answered is forwarded as <c>Ec2.&lt;AWS code&gt;</c>
    /// (<see cref="ForAwsCode"/>); the constants here are the failures EC2 did not answer.
    /// </summary>
    public static class Ec2
    {
        // The prefix of every EC2 id, including forwarded AWS codes.
        private const string Prefix = "Ec2.";

        /// <summary>EC2 could not be reached (DNS, connection refused, TLS).</summary>
        public const string Unreachable = "Ec2.Unreachable";

        /// <summary>EC2 did not answer within the HTTP timeout, retries included.</summary>
        public const string Timeout = "Ec2.Timeout";

        /// <summary>The SDK failed on the client side without reaching EC2.</summary>
        public const string ClientError = "Ec2.ClientError";

        /// <summary>EC2 returned the same NextToken twice; paging stopped.</summary>
        public const string PagingLoop = "Ec2.PagingLoop";

        /// <summary>EC2's answer lacked or garbled a field the engine needs.</summary>
        public const string MalformedResponse = "Ec2.MalformedResponse";

        /// <summary>A request was refused before calling EC2 (mutually exclusive or missing members).</summary>
        public const string InvalidRequest = "Ec2.InvalidRequest";

        /// <summary>The action has no DryRun member in the EC2 API, so it cannot be probed.</summary>
        public const string DryRunUnsupported = "Ec2.DryRunUnsupported";

        /// <summary>No region was given and none could be found (AWS_REGION, IMDS).</summary>
        public const string RegionMissing = "Ec2.RegionMissing";

        /// <summary>The EC2 endpoint is not an absolute http or https URL.</summary>
        public const string InvalidEndpoint = "Ec2.InvalidEndpoint";

        /// <summary>The id of an error EC2 answered with <paramref name="awsCode"/>, e.g. <c>Ec2.InsufficientCidrBlocks</c>.</summary>
        public static string ForAwsCode(string awsCode) => Prefix + awsCode;
    }
}
