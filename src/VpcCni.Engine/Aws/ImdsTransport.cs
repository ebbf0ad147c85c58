using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Aws;

/// <summary>
/// The HTTP side of IMDSv2 (EC2 user guide, "Use IMDSv2"): a session token from <c>PUT /latest/api/token</c>,
/// reused until shortly before its TTL ends; GETs carrying it; a 401 drops the token and retries
/// once with a fresh one; 5xx, 429, timeouts and connection failures retried with exponential
/// back-off and jitter by a Polly pipeline on the injected <see cref="TimeProvider"/>. Each read,
/// token and retries included, is reported to the optional <see cref="IAwsCallObserver"/> as one
/// <c>GetMetadata</c> call, as upstream's <c>instrumentedIMDS</c> (<c>pkg/awsutils/awsutils.go</c>) times it.
/// </summary>
internal sealed class ImdsTransport : IDisposable
{
    private const string TokenPath = "/latest/api/token";
    private const string TtlHeader = "X-aws-ec2-metadata-token-ttl-seconds";
    private const string TokenHeader = "X-aws-ec2-metadata-token";

    private readonly HttpClient _http;
    private readonly InstanceMetadataOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly IAwsCallObserver? _observer;
    private readonly Uri _baseUri;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private string? _token;
    private DateTimeOffset _tokenRefreshAt;

    public ImdsTransport(HttpClient http, InstanceMetadataOptions options, TimeProvider timeProvider, ILogger logger, IAwsCallObserver? observer = null)
    {
        _http = http;
        _observer = observer;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps))
        {
            throw new VpcCniException(
                VpcCniErrorCategory.InvalidConfiguration,
                ErrorIds.Imds.InvalidEndpoint,
                $"AWS_EC2_METADATA_SERVICE_ENDPOINT '{options.Endpoint}' is not an absolute http(s) URL such as http://169.254.169.254.");
        }

        _baseUri = new Uri(baseUri.GetLeftPart(UriPartial.Authority));
        _pipeline = BuildPipeline();
    }

    /// <summary>GETs a path under <c>/latest/</c>; null on 404.</summary>
    public async Task<string?> GetAsync(string path, CancellationToken cancellationToken)
    {
        if (_observer is null)
        {
            return await ReadAsync(path, cancellationToken).ConfigureAwait(false);
        }

        var started = _timeProvider.GetTimestamp();
        try
        {
            var value = await ReadAsync(path, cancellationToken).ConfigureAwait(false);
            Report(started, value is null ? HttpStatusCode.NotFound : HttpStatusCode.OK, null);
            return value;
        }
        catch (InstanceMetadataException ex)
        {
            Report(started, ex.HttpStatus, ex.ErrorId);
            throw;
        }
    }

    public void Dispose() => _tokenLock.Dispose();

    private void Report(long started, HttpStatusCode? status, string? errorCode) =>
        _observer?.CallCompleted(new AwsCallOutcome(AwsCallOutcome.InstanceMetadataApi, IsEc2: false,
            _timeProvider.GetElapsedTime(started).TotalMilliseconds, (int?)status, errorCode));

    private async Task<string?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        for (var tokenTry = 0; ; tokenTry++)
        {
            var token = await GetTokenAsync(refresh: tokenTry > 0, cancellationToken).ConfigureAwait(false);
            using var response = await SendAsync(HttpMethod.Get, path, TokenHeader, token, cancellationToken).ConfigureAwait(false);
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                case HttpStatusCode.NotFound:
                    return null;
                case HttpStatusCode.Unauthorized when tokenTry == 0:
                    // The token expired early or IMDS restarted: one fresh token, then give up.
                    ImdsLog.TokenRejected(_logger, path);
                    continue;
                default:
                    throw Fail("GET", path, response.StatusCode, null);
            }
        }
    }

    private async Task<string> GetTokenAsync(bool refresh, CancellationToken cancellationToken)
    {
        await _tokenLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _timeProvider.GetUtcNow();
            if (!refresh && _token is not null && now < _tokenRefreshAt)
            {
                return _token;
            }

            var ttl = _options.TokenTtlSeconds.ToString(CultureInfo.InvariantCulture);
            using var response = await SendAsync(HttpMethod.Put, TokenPath, TtlHeader, ttl, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw Fail("PUT", TokenPath, response.StatusCode, null);
            }

            var token = (await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Trim();
            if (token.Length == 0)
            {
                throw Fail("PUT", TokenPath, response.StatusCode, null, "IMDS returned an empty token");
            }

            // Renew a little before expiry so no GET races the TTL: a quarter of the TTL, at most a minute.
            var lifetime = TimeSpan.FromSeconds(_options.TokenTtlSeconds);
            var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, lifetime.Ticks / 4));
            _token = token;
            _tokenRefreshAt = now + lifetime - margin;
            ImdsLog.TokenObtained(_logger, _options.TokenTtlSeconds);
            return token;
        }
        finally
        {
            _tokenLock.Release();
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string header, string headerValue, CancellationToken cancellationToken)
    {
        var uri = new Uri(_baseUri, path);
        var context = ResilienceContextPool.Shared.Get(method.Method + " " + path, cancellationToken);
        try
        {
            return await _pipeline.ExecuteAsync(
                async ctx =>
                {
                    using var request = new HttpRequestMessage(method, uri);
                    request.Headers.TryAddWithoutValidation(header, headerValue);
                    if (method == HttpMethod.Put)
                    {
                        request.Content = new ByteArrayContent([]);
                    }

                    return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ctx.CancellationToken).ConfigureAwait(false);
                },
                context).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            throw Fail(method.Method, path, null, ex, "timed out on every attempt", VpcCniErrorCategory.Timeout, ErrorIds.Imds.Timeout);
        }
        catch (HttpRequestException ex)
        {
            throw Fail(method.Method, path, null, ex, "unreachable: " + ex.Message, VpcCniErrorCategory.ResourceUnavailable, ErrorIds.Imds.Unreachable);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _timeProvider };
        if (_options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = _options.MaxAttempts - 1,
                Delay = TimeSpan.FromMilliseconds(_options.InitialBackoffMilliseconds),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => (int)r.StatusCode >= 500 || r.StatusCode == HttpStatusCode.TooManyRequests),
                OnRetry = args =>
                {
                    var reason = args.Outcome.Exception?.GetType().Name ?? "HTTP " + ((int?)args.Outcome.Result?.StatusCode)?.ToString(CultureInfo.InvariantCulture);
                    ImdsLog.Retrying(_logger, args.Context.OperationKey ?? "request", args.AttemptNumber + 1, reason, args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        builder.AddTimeout(TimeSpan.FromMilliseconds(_options.AttemptTimeoutMilliseconds));
        return builder.Build();
    }

    private InstanceMetadataException Fail(
        string method,
        string path,
        HttpStatusCode? status,
        Exception? inner,
        string? reason = null,
        VpcCniErrorCategory? category = null,
        string? errorId = null)
    {
        var code = (int?)status;
        reason ??= "HTTP " + code?.ToString(CultureInfo.InvariantCulture);
        ImdsLog.Failed(_logger, method, path, reason);
        category ??= code switch
        {
            400 => VpcCniErrorCategory.InvalidArgument,
            401 or 403 => VpcCniErrorCategory.PermissionDenied,
            _ => VpcCniErrorCategory.ResourceUnavailable,
        };
        errorId ??= code switch
        {
            400 => ErrorIds.Imds.BadRequest,
            401 => ErrorIds.Imds.TokenRejected,
            403 => ErrorIds.Imds.Forbidden,
            _ => ErrorIds.Imds.Unavailable,
        };
        return new InstanceMetadataException(category.Value, errorId, $"IMDS {method} {path} failed: {reason}.", path, status, inner);
    }
}
