using Amazon.EC2;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Aws.Workstation;

/// <summary>
/// The engine's EC2 port for a workstation: credentials from the named profile or the SDK's default
/// chain (environment, AWS_PROFILE, SSO, web identity, container, instance role), region from the
/// caller (which reads AWS_REGION, AWS_DEFAULT_REGION) or the profile, as the AWS CLI resolves them (AWS CLI user guide,
/// "Configuration and credential file settings"). The client is built through <see cref="Ec2ClientFactory"/>
/// with the interactive retry budget (<see cref="InstanceLimitsLookupOptions.MaxErrorRetry"/>'s default).
/// </summary>
public sealed class WorkstationEc2 : IDisposable
{
    private readonly IAmazonEC2 _client;

    private WorkstationEc2(IAmazonEC2 client, string region, ILoggerFactory loggerFactory, TimeProvider time)
    {
        _client = client;
        Region = region;
        Api = new SdkEc2Api(client, loggerFactory.CreateLogger<SdkEc2Api>(), time);
    }

    /// <summary>The region the client talks to.</summary>
    public string Region { get; }

    /// <summary>The EC2 port.</summary>
    public IEc2Api Api { get; }

    /// <summary>Builds the client; throws <c>Workstation.ProfileNotFound</c>, <c>Ec2.RegionMissing</c> or <c>Ec2.InvalidEndpoint</c>.</summary>
    public static WorkstationEc2 Open(WorkstationEc2Options options, ILoggerFactory? loggerFactory = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        AWSCredentials? credentials = null;
        string? profileRegion = null;
        if (options.ProfileName is { } name)
        {
            var chain = new CredentialProfileStoreChain();
            if (!chain.TryGetProfile(name, out var profile) || !chain.TryGetAWSCredentials(name, out credentials))
            {
                throw new VpcCniException(
                    VpcCniErrorCategory.NotFound,
                    ErrorIds.Workstation.ProfileNotFound,
                    $"AWS profile '{name}' is in neither ~/.aws/credentials nor ~/.aws/config (or AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE).");
            }

            profileRegion = profile.Region?.SystemName;
        }

        var region = options.Region ?? profileRegion ?? string.Empty;
        var clientOptions = new Ec2ClientOptions
        {
            Endpoint = string.IsNullOrWhiteSpace(options.Endpoint) ? null : options.Endpoint,
            Region = region,
            MaxErrorRetry = new InstanceLimitsLookupOptions().MaxErrorRetry,
        };
        var client = Ec2ClientFactory.CreateClient(clientOptions, region, credentials);
        return new WorkstationEc2(client, region.Trim(), loggerFactory ?? NullLoggerFactory.Instance, time ?? TimeProvider.System);
    }

    public void Dispose() => _client.Dispose();
}
