using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Aws;

/// <summary>
/// The only place that builds the SDK's EC2 client. It pins the SDK's standard retry mode as the
/// one retry layer (no Polly on SDK calls, which would multiply attempts and bypass the SDK's retry quota; AWS SDKs and Tools reference guide, "Retry behavior"), applies the endpoint
/// override and the timeout, and uses the SDK's default credential chain unless credentials are given.
/// </summary>
public static class Ec2ClientFactory
{
    /// <summary>Builds the SDK configuration (exposed so tests and docs can show the exact settings).</summary>
    public static AmazonEC2Config CreateConfig(Ec2ClientOptions options, string region)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(region))
        {
            throw new VpcCniException(
                VpcCniErrorCategory.InvalidConfiguration,
                ErrorIds.Ec2.RegionMissing,
                "No AWS region: set Ec2:Region (AWS_REGION) or run where instance metadata answers placement/region.");
        }

        var config = new AmazonEC2Config
        {
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = options.MaxErrorRetry,
            Timeout = options.EffectiveTimeout,
        };

        if (string.IsNullOrWhiteSpace(options.Endpoint))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        else
        {
            if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) ||
                (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            {
                throw new VpcCniException(
                    VpcCniErrorCategory.InvalidConfiguration,
                    ErrorIds.Ec2.InvalidEndpoint,
                    $"AWS_EC2_ENDPOINT '{options.Endpoint}' is not an absolute http(s) URL such as http://127.0.0.1:4566.");
            }

            // ServiceURL replaces endpoint resolution; the signing region must then be given
            // explicitly or the SDK would try to derive it from the host name (AWS SDK for .NET, ClientConfig.AuthenticationRegion).
            config.ServiceURL = endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');
            config.AuthenticationRegion = region;
        }

        return config;
    }

    /// <summary>
    /// Builds the client. <paramref name="credentials"/> null means the SDK's default chain
    /// (environment, profile, web identity/IRSA, container, then the instance role via IMDS).
    /// </summary>
    public static IAmazonEC2 CreateClient(Ec2ClientOptions options, string region, AWSCredentials? credentials = null)
    {
        var config = CreateConfig(options, region);
#pragma warning disable RS0030 // The one sanctioned construction site (BannedSymbols.txt).
        return credentials is null ? new AmazonEC2Client(config) : new AmazonEC2Client(credentials, config);
#pragma warning restore RS0030
    }

    /// <summary>
    /// The region to use: the configured one, else instance metadata's (placement/region, then the
    /// identity document), as upstream's session setup does.
    /// </summary>
    public static async Task<string> ResolveRegionAsync(Ec2ClientOptions options, IInstanceMetadata metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metadata);
        if (!string.IsNullOrWhiteSpace(options.Region))
        {
            return options.Region.Trim();
        }

        var region = await metadata.GetRegionAsync(cancellationToken).ConfigureAwait(false);
        return region ?? throw new VpcCniException(
            VpcCniErrorCategory.InvalidConfiguration,
            ErrorIds.Ec2.RegionMissing,
            "No AWS region: Ec2:Region (AWS_REGION) is unset and instance metadata has no region.");
    }
}
