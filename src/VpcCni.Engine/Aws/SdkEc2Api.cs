using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Aws;

/// <summary>
/// <see cref="IEc2Api"/> over AWSSDK.EC2. The SDK client (built by <see cref="Ec2ClientFactory"/>)
/// does all retrying in its standard mode; this class translates requests, follows pagination,
/// and turns every SDK failure into one <see cref="Ec2ApiException"/>. Every call passes through
/// <see cref="CallAsync"/>, so that is where the optional <see cref="IAwsCallObserver"/> hears of each
/// one with its latency and error code, as upstream <c>pkg/awsutils/awsutils.go</c> records them around
/// each SDK call.
/// </summary>
public sealed partial class SdkEc2Api : IEc2Api
{
    private readonly IAmazonEC2 _client;
    private readonly ILogger<SdkEc2Api> _logger;
    private readonly TimeProvider _timeProvider;
    private readonly IAwsCallObserver? _observer;

    public SdkEc2Api(IAmazonEC2 client, ILogger<SdkEc2Api> logger, TimeProvider? timeProvider = null, IAwsCallObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(logger);
        _client = client;
        _logger = logger;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _observer = observer;
    }

    public Task<IReadOnlyList<Ec2Instance>> DescribeInstancesAsync(Ec2DescribeQuery query, CancellationToken cancellationToken) =>
        PageAsync(Ec2Action.DescribeInstances, query, 1000,
            (token, ct) => _client.DescribeInstancesAsync(new DescribeInstancesRequest
            {
                InstanceIds = Ec2ModelMapper.NullIfEmpty(query.Ids),
                Filters = Ec2ModelMapper.ToSdk(query.Filters),
                MaxResults = query.PageSize,
                NextToken = token,
            }, ct),
            r => r.NextToken,
            r => (r.Reservations ?? []).SelectMany(v => v.Instances ?? []).Select(Ec2ModelMapper.ToEngine),
            cancellationToken);

    public Task<IReadOnlyList<Ec2InstanceTypeInfo>> DescribeInstanceTypesAsync(Ec2DescribeQuery query, CancellationToken cancellationToken) =>
        PageAsync(Ec2Action.DescribeInstanceTypes, query, 100,
            (token, ct) => _client.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest
            {
                InstanceTypes = Ec2ModelMapper.NullIfEmpty(query.Ids),
                Filters = Ec2ModelMapper.ToSdk(query.Filters),
                MaxResults = query.PageSize,
                NextToken = token,
            }, ct),
            r => r.NextToken,
            r => (r.InstanceTypes ?? []).Select(Ec2ModelMapper.ToEngine),
            cancellationToken);

    public Task<IReadOnlyList<Ec2NetworkInterface>> DescribeNetworkInterfacesAsync(Ec2DescribeQuery query, CancellationToken cancellationToken) =>
        PageAsync(Ec2Action.DescribeNetworkInterfaces, query, 1000,
            (token, ct) => _client.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest
            {
                NetworkInterfaceIds = Ec2ModelMapper.NullIfEmpty(query.Ids),
                Filters = Ec2ModelMapper.ToSdk(query.Filters),
                MaxResults = query.PageSize,
                NextToken = token,
            }, ct),
            r => r.NextToken,
            r => (r.NetworkInterfaces ?? []).Select(Ec2ModelMapper.ToEngine),
            cancellationToken);

    public Task<IReadOnlyList<Ec2Subnet>> DescribeSubnetsAsync(Ec2DescribeQuery query, CancellationToken cancellationToken) =>
        PageAsync(Ec2Action.DescribeSubnets, query, 1000,
            (token, ct) => _client.DescribeSubnetsAsync(new DescribeSubnetsRequest
            {
                SubnetIds = Ec2ModelMapper.NullIfEmpty(query.Ids),
                Filters = Ec2ModelMapper.ToSdk(query.Filters),
                MaxResults = query.PageSize,
                NextToken = token,
            }, ct),
            r => r.NextToken,
            r => (r.Subnets ?? []).Select(Ec2ModelMapper.ToEngine),
            cancellationToken);

    public Task<IReadOnlyList<Ec2SecurityGroup>> DescribeSecurityGroupsAsync(Ec2DescribeQuery query, CancellationToken cancellationToken) =>
        PageAsync(Ec2Action.DescribeSecurityGroups, query, 1000,
            (token, ct) => _client.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
            {
                GroupIds = Ec2ModelMapper.NullIfEmpty(query.Ids),
                Filters = Ec2ModelMapper.ToSdk(query.Filters),
                MaxResults = query.PageSize,
                NextToken = token,
            }, ct),
            r => r.NextToken,
            r => (r.SecurityGroups ?? []).Select(Ec2ModelMapper.ToEngine),
            cancellationToken);

    public Task<IReadOnlyList<Ec2TagDescription>> DescribeTagsAsync(Ec2DescribeQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Ids.Count > 0)
        {
            throw BadRequest("DescribeTags takes no ids; filter on 'resource-id' instead.");
        }

        return PageAsync(Ec2Action.DescribeTags, query, 1000,
            (token, ct) => _client.DescribeTagsAsync(new DescribeTagsRequest
            {
                Filters = Ec2ModelMapper.ToSdk(query.Filters),
                MaxResults = query.PageSize,
                NextToken = token,
            }, ct),
            r => r.NextToken,
            r => (r.Tags ?? []).Select(Ec2ModelMapper.ToEngine),
            cancellationToken);
    }

    private async Task<IReadOnlyList<TItem>> PageAsync<TResponse, TItem>(
        Ec2Action action,
        Ec2DescribeQuery query,
        int maxPageSize,
        Func<string?, CancellationToken, Task<TResponse>> fetchPage,
        Func<TResponse, string?> nextToken,
        Func<TResponse, IEnumerable<TItem>> items,
        CancellationToken cancellationToken)
        where TResponse : AmazonWebServiceResponse
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize is { } size)
        {
            if (query.Ids.Count > 0)
            {
                throw BadRequest($"{action}: a page size cannot be combined with ids (EC2 answers InvalidParameterCombination).");
            }

            if (size < 5 || size > maxPageSize)
            {
                throw BadRequest($"{action}: page size {size.ToString(CultureInfo.InvariantCulture)} is outside 5..{maxPageSize.ToString(CultureInfo.InvariantCulture)}.");
            }
        }

        var result = new List<TItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        var pages = 0;
        do
        {
            var current = token;
            var response = await CallAsync(action, ct => fetchPage(current, ct), cancellationToken).ConfigureAwait(false);
            pages = checked(pages + 1);
            result.AddRange(items(response));
            token = nextToken(response);
            if (!string.IsNullOrEmpty(token) && !seen.Add(token))
            {
                // A repeated token would page forever; EC2 never does this, a broken proxy might.
                throw new Ec2ApiException(action, null, response.HttpStatusCode, response.ResponseMetadata?.RequestId,
                    $"EC2 {action} returned the same NextToken twice; paging stopped.", null, VpcCniErrorCategory.Internal, ErrorIds.Ec2.PagingLoop);
            }
        }
        while (!string.IsNullOrEmpty(token));

        SdkEc2ApiLog.Paged(_logger, action, result.Count, pages);
        return result;
    }

    private async Task<TResponse> CallAsync<TResponse>(Ec2Action action, Func<CancellationToken, Task<TResponse>> call, CancellationToken cancellationToken, bool dryRun = false)
        where TResponse : AmazonWebServiceResponse
    {
        var started = _timeProvider.GetTimestamp();
        try
        {
            var response = await call(cancellationToken).ConfigureAwait(false);
            var elapsedMs = Elapsed(started);
            SdkEc2ApiLog.CallSucceeded(_logger, action, elapsedMs, response.ResponseMetadata?.RequestId);
            Report(action, elapsedMs, response.HttpStatusCode, null);
            return response;
        }
        catch (AmazonServiceException ex) when (!string.IsNullOrEmpty(ex.ErrorCode))
        {
            // A dry run's DryRunOperation or UnauthorizedOperation is its answer, not a failure.
            var expected = dryRun && (ex.ErrorCode is Ec2ErrorCodes.DryRunOperation or Ec2ErrorCodes.UnauthorizedOperation);
            if (!expected)
            {
                SdkEc2ApiLog.CallFailed(_logger, action, ex.ErrorCode, (int)ex.StatusCode, ex.RequestId, Elapsed(started), ex.Message);
            }

            Report(action, Elapsed(started), ex.StatusCode, expected ? null : ex.ErrorCode);
            throw new Ec2ApiException(action, ex.ErrorCode, ex.StatusCode, ex.RequestId, $"EC2 {action} failed: {ex.ErrorCode}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The SDK reports its per-attempt HTTP timeout as TimeoutException (inner TaskCanceledException).
            var error = new Ec2ApiException(action, null, null, null,
                $"EC2 {action} did not answer within the HTTP timeout, retries included.", ex, VpcCniErrorCategory.Timeout, ErrorIds.Ec2.Timeout);
            SdkEc2ApiLog.CallUnanswered(_logger, action, Elapsed(started), error.ErrorId, ex);
            Report(action, Elapsed(started), null, error.ErrorId);
            throw error;
        }
        catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or HttpRequestException or IOException or SocketException)
        {
            var unreachable = IsNetworkFailure(ex);
            var status = ex is AmazonServiceException service && service.StatusCode != 0 ? service.StatusCode : (HttpStatusCode?)null;
            var error = new Ec2ApiException(action, null, status, (ex as AmazonServiceException)?.RequestId,
                unreachable
                    ? $"EC2 {action} could not reach the EC2 endpoint: {ex.Message}"
                    : $"EC2 {action} failed in the AWS SDK: {ex.Message}",
                ex,
                unreachable || status is not null ? VpcCniErrorCategory.ResourceUnavailable : VpcCniErrorCategory.Internal,
                unreachable ? ErrorIds.Ec2.Unreachable : ErrorIds.Ec2.ClientError);
            SdkEc2ApiLog.CallUnanswered(_logger, action, Elapsed(started), error.ErrorId, ex);
            Report(action, Elapsed(started), status, error.ErrorId);
            throw error;
        }
    }

    private void Report(Ec2Action action, double elapsedMs, HttpStatusCode? status, string? errorCode) =>
        _observer?.CallCompleted(new AwsCallOutcome(action.ToString(), IsEc2: true, elapsedMs, (int?)status, errorCode));

    private static bool IsNetworkFailure(Exception ex)
    {
        for (var current = ex; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException or SocketException or IOException)
            {
                return true;
            }
        }

        return false;
    }

    private double Elapsed(long started) => _timeProvider.GetElapsedTime(started).TotalMilliseconds;

    private static VpcCniException BadRequest(string message) =>
        new(VpcCniErrorCategory.InvalidArgument, ErrorIds.Ec2.InvalidRequest, message);
}
