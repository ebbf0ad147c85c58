using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Limits;
using VpcCni.Engine.Diagnostics;

namespace VpcCni.Engine.Aws;

/// <summary>
/// Finds the limits of an instance type: the built-in table first, else EC2 DescribeInstanceTypes
/// (upstream pkg/awsutils/awsutils.go <c>FetchInstanceTypeLimits</c>). A type resolved through EC2 is cached
/// for the resolver's life; concurrent callers for the same type share one EC2 call, and a failed
/// call is not cached, so the next caller tries again.
/// </summary>
public sealed partial class InstanceTypeResolver
{
    private readonly IEc2Api _ec2;
    private readonly InstanceTypeCatalog _catalog;
    private readonly ILogger<InstanceTypeResolver> _logger;
    private readonly ConcurrentDictionary<string, Lazy<Task<InstanceTypeLimits>>> _resolved = new(StringComparer.OrdinalIgnoreCase);

    public InstanceTypeResolver(IEc2Api ec2, InstanceTypeCatalog catalog, ILogger<InstanceTypeResolver> logger)
    {
        ArgumentNullException.ThrowIfNull(ec2);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(logger);
        _ec2 = ec2;
        _catalog = catalog;
        _logger = logger;
    }

    /// <summary>Returns the type's limits.</summary>
    /// <exception cref="VpcCniException">ErrorId <c>Capacity.UnknownInstanceType</c> when neither the table nor EC2 knows the type.</exception>
    /// <exception cref="Ec2ApiException">When EC2 could not be asked.</exception>
    public async ValueTask<InstanceTypeLimits> ResolveAsync(string instanceType, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceType);
        var name = instanceType.Trim();
        if (_catalog.TryGet(name, out var known))
        {
            return known;
        }

        var lazy = _resolved.GetOrAdd(name, n => new Lazy<Task<InstanceTypeLimits>>(() => FetchAsync(n)));
        try
        {
            // The shared fetch runs without any one caller's token; each caller can still stop waiting.
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _resolved.TryRemove(new KeyValuePair<string, Lazy<Task<InstanceTypeLimits>>>(name, lazy));
            throw;
        }
    }

    private async Task<InstanceTypeLimits> FetchAsync(string instanceType)
    {
        IReadOnlyList<Ec2InstanceTypeInfo> found;
        try
        {
            found = await _ec2.DescribeInstanceTypesAsync(Ec2DescribeQuery.ForIds(instanceType), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Ec2ApiException ex) when (ex.Is(Ec2ErrorCodes.InvalidInstanceType) || ex.Is(Ec2ErrorCodes.InvalidParameterValue))
        {
            throw Unknown(instanceType, ex);
        }

        // Upstream insists on exactly one answer for one requested type.
        var match = found.Where(t => string.Equals(t.InstanceType, instanceType, StringComparison.OrdinalIgnoreCase)).ToList();
        if (match.Count != 1)
        {
            throw Unknown(instanceType, null);
        }

        var limits = match[0].ToLimits();
        if (limits.EniLimit < 1 || limits.Ipv4PerEni < 1)
        {
            throw new VpcCniException(
                VpcCniErrorCategory.Internal,
                ErrorIds.Capacity.InvalidInstanceTypeLimits,
                $"EC2 describes '{instanceType}' with {limits.EniLimit} ENIs and {limits.Ipv4PerEni} IPv4 addresses per ENI; both must be at least 1.");
        }

        Log.ResolvedThroughEc2(_logger, instanceType, limits.EniLimit, limits.Ipv4PerEni, limits.Hypervisor);
        return limits;
    }

    private static VpcCniException Unknown(string instanceType, Exception? inner) => new(
        VpcCniErrorCategory.NotFound,
        ErrorIds.Capacity.UnknownInstanceType,
        $"Instance type '{instanceType}' is neither in the built-in limits table nor known to EC2 DescribeInstanceTypes.",
        inner);

    private static partial class Log
    {
        [LoggerMessage(EventId = LogEventIds.InstanceTypes + 0, Level = LogLevel.Information, Message = "Instance type {InstanceType} resolved through EC2: {EniLimit} ENIs, {Ipv4PerEni} IPv4 per ENI, hypervisor {Hypervisor}")]
        public static partial void ResolvedThroughEc2(ILogger logger, string instanceType, int eniLimit, int ipv4PerEni, string hypervisor);
    }
}
