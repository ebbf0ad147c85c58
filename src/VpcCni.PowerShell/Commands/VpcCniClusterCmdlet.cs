using VpcCni.Engine.Errors;
using VpcCni.Engine.Manifests;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Base of the cmdlets that talk to a Kubernetes API server: finds the kubeconfig as kubectl does,
/// opens one client for the command, and runs each request with progress and the module's error mapping.
/// </summary>
public abstract class VpcCniClusterCmdlet : VpcCniCmdlet
{
    private KubernetesObjectClient? _client;

    /// <summary>The kubeconfig given with <c>-Kubeconfig</c>, resolved against the current location; else kubectl's default.</summary>
    protected string? ResolveKubeconfig(string? kubeconfig) =>
        string.IsNullOrEmpty(kubeconfig) ? KubeconfigLocation.Default() : GetUnresolvedProviderPathFromPSPath(kubeconfig);

    /// <summary>Runs <paramref name="call"/> against the cluster, opening the client on first use; an engine error is reported, and null returned.</summary>
    protected T? Cluster<T>(Func<KubernetesObjectClient> connect, Func<KubernetesObjectClient, CancellationToken, Task<T>> call, string status, object? target)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(connect);
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            _client ??= connect();
            return Wait(new ValueTask<T>(call(_client, CancellationToken)), MyInvocation.MyCommand.Name, $"{status} at {_client.Server}");
        }
        catch (VpcCniException ex) when (ex.Category == VpcCniErrorCategory.AlreadyExists)
        {
            // One object of several that exists already fails only itself, as a missing one does.
            WriteError(ErrorRecordFactory.Create(ex, target));
            return null;
        }
        catch (VpcCniException ex)
        {
            ReportError(ex, target);
            return null;
        }
    }

    /// <summary>Runs an engine call that needs no cluster (manifest files), reporting its error the module's way.</summary>
    protected T? Offline<T>(Func<T> call, object? target)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return call();
        }
        catch (VpcCniException ex)
        {
            ReportError(ex, target);
            return null;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _client?.Dispose();
            _client = null;
        }

        base.Dispose(disposing);
    }
}
