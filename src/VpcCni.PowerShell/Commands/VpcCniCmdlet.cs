using System.Management.Automation;
using VpcCni.Engine.Errors;

namespace VpcCni.PowerShell.Commands;

/// <summary>Base of the module's cmdlets: runs one engine call and reports its errors the module's way.</summary>
public abstract class VpcCniCmdlet : PSCmdlet
{
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
}
