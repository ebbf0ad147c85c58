using System.Management.Automation;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Errors;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Base of the module's cmdlets: runs one engine call and reports its errors the module's way, and
/// owns the cancellation of engine calls (created in BeginProcessing, cancelled by Ctrl+C in
/// StopProcessing, disposed in EndProcessing).
/// </summary>
public abstract class VpcCniCmdlet : PSCmdlet, IDisposable
{
    private CancellationTokenSource? _cancellation;
    private InstanceLimitsLookup? _lookup;

    /// <summary>The AWS lookup opened by <see cref="OpenAwsLookup"/>, or null when no AWS parameter was given.</summary>
    protected InstanceLimitsLookup? AwsLookup => _lookup;

    /// <summary>Cancelled when the user stops the pipeline.</summary>
    protected CancellationToken CancellationToken => _cancellation?.Token ?? CancellationToken.None;

    protected override void BeginProcessing() => _cancellation = new CancellationTokenSource();

    protected override void StopProcessing() => _cancellation?.Cancel();

    protected override void EndProcessing() => Dispose();

    /// <summary>Writes the call's result, or reports its engine error (per item or terminating).</summary>
    protected void WriteResult(Func<object> call, object? target)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            WriteObject(call());
        }
        catch (VpcCniException ex)
        {
            ReportError(ex, target);
        }
    }

    protected void ReportError(VpcCniException exception, object? target)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var record = ErrorRecordFactory.Create(exception, target);
        if (ErrorRecordFactory.IsPerItem(exception))
        {
            WriteError(record);
        }
        else
        {
            ThrowTerminatingError(record);
        }
    }

    /// <summary>
    /// Opens the instance-limits lookup when any AWS parameter was given; it lives until the
    /// cmdlet is disposed. Without AWS parameters the cmdlet never touches the network.
    /// </summary>
    protected void OpenAwsLookup(bool fromImds, string? region, string? endpointUrl, string? imdsEndpoint)
    {
        if (AwsLookupOptions.Create(fromImds, region, endpointUrl, imdsEndpoint) is { } options)
        {
            _lookup = new InstanceLimitsLookup(options);
        }
    }

    /// <summary>
    /// Runs one lookup through AWS (or the table) for an item; an engine error is reported like any
    /// other (per item for an unknown type, terminating for an unreachable or refusing AWS).
    /// </summary>
    protected InstanceLimitsLookupResult? Lookup(Func<CancellationToken, ValueTask<InstanceLimitsLookupResult>> call, string status, object? target)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return Wait(call(CancellationToken), MyInvocation.MyCommand.Name, status);
        }
        catch (VpcCniException ex)
        {
            ReportError(ex, target);
            return null;
        }
    }

    /// <summary>
    /// Blocks on an engine call. Only a call that did not finish at once (it went to the network)
    /// shows progress, so answers from the built-in table stay silent.
    /// </summary>
    protected T Wait<T>(ValueTask<T> pending, string activity, string status)
    {
        if (pending.IsCompleted)
        {
            return pending.GetAwaiter().GetResult();
        }

        var progress = new ProgressRecord(1, activity, status);
        WriteProgress(progress);
        try
        {
            return pending.AsTask().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        finally
        {
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _cancellation?.Dispose();
            _cancellation = null;
            _lookup?.Dispose();
            _lookup = null;
        }
    }
}
