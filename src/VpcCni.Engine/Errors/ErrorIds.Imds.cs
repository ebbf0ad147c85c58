namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>Instance metadata (IMDSv2).</summary>
    public static class Imds
    {
        /// <summary>IMDS could not be reached.</summary>
        public const string Unreachable = "Imds.Unreachable";

        /// <summary>IMDS did not answer in time on any attempt.</summary>
        public const string Timeout = "Imds.Timeout";

        /// <summary>IMDS answered 400 (typically a token request without a TTL header).</summary>
        public const string BadRequest = "Imds.BadRequest";

        /// <summary>IMDS answered 401 even with a fresh token.</summary>
        public const string TokenRejected = "Imds.TokenRejected";

        /// <summary>IMDS answered 403 (IMDS disabled for the instance, or a hop limit too low).</summary>
        public const string Forbidden = "Imds.Forbidden";

        /// <summary>IMDS answered with a server error or could not be read for another reason.</summary>
        public const string Unavailable = "Imds.Unavailable";

        /// <summary>A value IMDS returned did not parse (address, CIDR, number).</summary>
        public const string MalformedValue = "Imds.MalformedValue";

        /// <summary>IMDS does not publish the instance type.</summary>
        public const string InstanceTypeMissing = "Imds.InstanceTypeMissing";

        /// <summary>The IMDS endpoint is not an absolute http or https URL.</summary>
        public const string InvalidEndpoint = "Imds.InvalidEndpoint";

        /// <summary>A metadata path contains <c>..</c>, <c>?</c> or <c>#</c>.</summary>
        public const string InvalidPath = "Imds.InvalidPath";

        /// <summary>A MAC address is not of the form <c>02:1a:2b:3c:4d:5e</c>.</summary>
        public const string InvalidMacAddress = "Imds.InvalidMacAddress";
    }
}
