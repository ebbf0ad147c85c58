using Amazon.EC2;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Limits;
using VpcCni.Engine.Diagnostics;

namespace VpcCni.Engine.Aws;

/// <summary>
/// The one entry point the capacity cmdlets call per item: an instance type's limits from the
/// built-in table, else, when <see cref="InstanceLimitsLookupOptions.ResolveThroughEc2"/> allows
/// it, from EC2 <c>DescribeInstanceTypes</c> (through <see cref="InstanceTypeResolver"/>, so answers
/// are cached); and "this instance's" type and region from IMDS, as <c>max-pods-calculator.sh
/// --instance-type-from-imds</c> does (upstream misc/max-pods-calculator.sh). A table hit completes synchronously and touches
/// no network. The EC2 client and the IMDS client are built on first need and owned by this object.
/// </summary>
public sealed partial class InstanceLimitsLookup : IDisposable
{
    private readonly InstanceLimitsLookupOptions _options;
    private readonly InstanceTypeCatalog _catalog;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger<InstanceLimitsLookup> _logger;
    private readonly TimeProvider _timeProvider;
    private readonly AWSCredentials? _credentials;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private HttpClient? _http;
    private ImdsInstanceMetadata? _imds;
    private IAmazonEC2? _ec2Client;
    private InstanceTypeResolver? _resolver;
    private string? _region;

    /// <param name="options">Endpoints, region and whether EC2 may be asked.</param>
    /// <param name="catalog">The built-in table; null for <see cref="InstanceTypeCatalog.Embedded"/>.</param>
    /// <param name="credentials">Explicit AWS credentials; null for the SDK's default chain.</param>
    /// <param name="loggerFactory">Null for no logging.</param>
    /// <param name="timeProvider">Null for <see cref="TimeProvider.System"/> (drives IMDS back-off and token reuse).</param>
    public InstanceLimitsLookup(
        InstanceLimitsLookupOptions options,
        InstanceTypeCatalog? catalog = null,
        AWSCredentials? credentials = null,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _catalog = catalog ?? InstanceTypeCatalog.Embedded;
        _credentials = credentials;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<InstanceLimitsLookup>();
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The limits of <paramref name="instanceType"/>: the table's, else EC2's when allowed.</summary>
    /// <exception cref="VpcCniException">
    /// <c>Capacity.UnknownInstanceType</c> (NotFound) when neither the table nor (if asked) EC2 knows the type;
    /// <c>Ec2RegionMissing</c> or <c>InvalidEc2Endpoint</c> for bad options;
    /// <see cref="Ec2ApiException"/> (<c>Ec2.*</c>) or <see cref="InstanceMetadataException"/> (<c>Imds.*</c>) when AWS could not be asked.
    /// </exception>
    public ValueTask<InstanceLimitsLookupResult> LookupAsync(string instanceType, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceType);
        var name = instanceType.Trim();
        if (_catalog.TryGet(name, out var known))
        {
            return ValueTask.FromResult(new InstanceLimitsLookupResult { Limits = known, Origin = InstanceLimitsOrigin.BuiltInTable });
        }

        if (!_options.ResolveThroughEc2)
        {
            // The table's own error: NotFound, ErrorId Capacity.UnknownInstanceType.
            _catalog.Get(name);
        }

        return ResolveThroughEc2Async(name, fromImds: false, cancellationToken);
    }

    /// <summary>
    /// This instance's limits: the type from IMDS <c>meta-data/instance-type</c>, then as
    /// <see cref="LookupAsync"/>; the region (unless given) is IMDS's too.
    /// </summary>
    /// <exception cref="InstanceMetadataException"><c>Imds.*</c> when IMDS cannot be read, <c>Imds.InstanceTypeMissing</c> when it has no type.</exception>
    public async ValueTask<InstanceLimitsLookupResult> LookupLocalInstanceAsync(CancellationToken cancellationToken)
    {
        var imds = Imds();
        var type = await imds.GetInstanceTypeAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(type))
        {
            throw new InstanceMetadataException(
                VpcCniErrorCategory.NotFound,
                ErrorIds.Imds.InstanceTypeMissing,
                $"Instance metadata at {_options.ImdsEndpoint} has no meta-data/instance-type.",
                "/latest/meta-data/instance-type",
                System.Net.HttpStatusCode.NotFound);
        }

        Log.InstanceTypeFromImds(_logger, type);
        if (_catalog.TryGet(type, out var known))
        {
            var region = _options.Region ?? await imds.GetRegionAsync(cancellationToken).ConfigureAwait(false);
            return new InstanceLimitsLookupResult { Limits = known, Origin = InstanceLimitsOrigin.BuiltInTable, Region = region, FromImds = true };
        }

        if (!_options.ResolveThroughEc2)
        {
            _catalog.Get(type);
        }

        return await ResolveThroughEc2Async(type.Trim(), fromImds: true, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _ec2Client?.Dispose();
        _imds?.Dispose();
        _http?.Dispose();
        _gate.Dispose();
    }

    private async ValueTask<InstanceLimitsLookupResult> ResolveThroughEc2Async(string name, bool fromImds, CancellationToken cancellationToken)
    {
        var (resolver, region) = await ResolverAsync(cancellationToken).ConfigureAwait(false);
        var limits = await resolver.ResolveAsync(name, cancellationToken).ConfigureAwait(false);
        return new InstanceLimitsLookupResult { Limits = limits, Origin = InstanceLimitsOrigin.Ec2, Region = region, FromImds = fromImds };
    }

    /// <summary>Builds the EC2 side once, on first need; a failure (no region, IMDS down) is not kept, so the next call tries again.</summary>
    private async Task<(InstanceTypeResolver Resolver, string Region)> ResolverAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_resolver is null)
            {
                var ec2Options = new Ec2ClientOptions
                {
                    Endpoint = string.IsNullOrWhiteSpace(_options.Ec2Endpoint) ? null : _options.Ec2Endpoint,
                    Region = _options.Region,
                    HttpTimeoutSeconds = _options.HttpTimeoutSeconds,
                    MaxErrorRetry = _options.MaxErrorRetry,
                };
                var region = string.IsNullOrWhiteSpace(_options.Region)
                    ? await Ec2ClientFactory.ResolveRegionAsync(ec2Options, Imds(), cancellationToken).ConfigureAwait(false)
                    : _options.Region.Trim();
                _ec2Client = Ec2ClientFactory.CreateClient(ec2Options, region, _credentials);
                var api = new SdkEc2Api(_ec2Client, _loggerFactory.CreateLogger<SdkEc2Api>(), _timeProvider);
                _resolver = new InstanceTypeResolver(api, _catalog, _loggerFactory.CreateLogger<InstanceTypeResolver>());
                _region = region;
                Log.Ec2Ready(_logger, region, ec2Options.Endpoint ?? "(regional endpoint)");
            }

            return (_resolver, _region!);
        }
        finally
        {
            _gate.Release();
        }
    }

    private ImdsInstanceMetadata Imds()
    {
        if (_imds is null)
        {
            var options = new InstanceMetadataOptions
            {
                Endpoint = _options.ImdsEndpoint,
                AttemptTimeoutMilliseconds = _options.ImdsTimeoutMilliseconds,
                MaxAttempts = _options.ImdsMaxAttempts,
            };

            // The Polly pipeline owns per-attempt timeouts, so the client itself must not cut in first.
            _http ??= new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            _imds = new ImdsInstanceMetadata(_http, Options.Create(options), _timeProvider, _loggerFactory.CreateLogger<ImdsInstanceMetadata>());
        }

        return _imds;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = LogEventIds.InstanceTypes + 10, Level = LogLevel.Debug, Message = "Instance type {InstanceType} read from instance metadata")]
        public static partial void InstanceTypeFromImds(ILogger logger, string instanceType);

        [LoggerMessage(EventId = LogEventIds.InstanceTypes + 11, Level = LogLevel.Debug, Message = "EC2 client for instance-type lookups ready: region {Region}, endpoint {Endpoint}")]
        public static partial void Ec2Ready(ILogger logger, string region, string endpoint);
    }
}
