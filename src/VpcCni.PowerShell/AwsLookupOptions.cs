using VpcCni.Engine.Aws;

namespace VpcCni.PowerShell;

/// <summary>
/// Turns the capacity cmdlets' AWS parameters into lookup options. Giving any of -FromImds, -Region
/// or -EndpointUrl is the user's "you may ask AWS": only then is EC2 asked, and only for a type
/// the built-in table does not know. Unset values fall back to the variables the AWS SDKs and CLI
/// read (AWS_REGION, AWS_DEFAULT_REGION, AWS_EC2_METADATA_SERVICE_ENDPOINT), as AWS.Tools does.
/// </summary>
internal static class AwsLookupOptions
{
    /// <summary>The options, or null when no AWS parameter was given (the table alone answers).</summary>
    public static InstanceLimitsLookupOptions? Create(bool fromImds, string? region, string? endpointUrl, string? imdsEndpoint)
    {
        if (!fromImds && region is null && endpointUrl is null)
        {
            return null;
        }

        var options = new InstanceLimitsLookupOptions
        {
            ResolveThroughEc2 = true,
            Region = region ?? Environment("AWS_REGION") ?? Environment("AWS_DEFAULT_REGION"),
            Ec2Endpoint = endpointUrl,
        };
        if ((imdsEndpoint ?? Environment("AWS_EC2_METADATA_SERVICE_ENDPOINT")) is { } imds)
        {
            options.ImdsEndpoint = imds;
        }

        // -FromImds reads the region from IMDS, as max-pods-calculator.sh --instance-type-from-imds does, unless -Region says otherwise.
        if (fromImds && region is null)
        {
            options.Region = null;
        }

        return options;
    }

    private static string? Environment(string name) =>
        System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
