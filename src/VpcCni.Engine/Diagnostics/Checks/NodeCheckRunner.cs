using Amazon.Runtime;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Diagnostics.Checks;

/// <summary>
/// Runs checks one after another and never throws for a check: a check that cannot read what it
/// needs is reported as Fail (the node's own service, its metadata, its kernel: something is wrong)
/// with the reason, so the run always returns one result per check.
/// </summary>
public static class NodeCheckRunner
{
    public static async Task<IReadOnlyList<NodeCheckResult>> RunAsync(NodeCheckContext context, IReadOnlyList<INodeCheck> checks, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(checks);
        var results = new List<NodeCheckResult>(checks.Count);
        foreach (var check in checks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(check.Description);
            results.Add(await RunOneAsync(context, check, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    public static async Task<NodeCheckResult> RunOneAsync(NodeCheckContext context, INodeCheck check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        try
        {
            return await check.RunAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is VpcCniException or IOException or UnauthorizedAccessException or HttpRequestException
            or AmazonClientException or OperationCanceledException or InvalidOperationException or System.ComponentModel.Win32Exception
            or System.Net.Sockets.SocketException or DllNotFoundException or PlatformNotSupportedException)
        {
            var id = ex is VpcCniException v ? $" ({v.ErrorId})" : string.Empty;
            return NodeCheckResult.Fail(check.Name, $"Could not check: {ex.Message}{id}",
                "Make what the check reads reachable (the introspection endpoint, IMDS, EC2 credentials, the namespace, root for the kernel checks) and run it again.");
        }
    }
}
