using System.Management.Automation;
using VpcCni.Engine.Errors;

namespace VpcCni.PowerShell;

/// <summary>
/// The module's one mapping from engine errors to PowerShell error records:
/// the engine's stable ErrorId becomes the record's errorId, its category an <see cref="ErrorCategory"/>.
/// </summary>
internal static class ErrorRecordFactory
{
    public static ErrorRecord Create(VpcCniException exception, object? target) =>
        new(exception, exception.ErrorId, ToErrorCategory(exception), target);

    /// <summary>The record's category: a node nothing answers at is a connection error, as Invoke-RestMethod reports it; otherwise by the engine's category.</summary>
    public static ErrorCategory ToErrorCategory(VpcCniException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.ErrorId == ErrorIds.Introspection.Unreachable ? ErrorCategory.ConnectionError : ToErrorCategory(exception.Category);
    }

    public static ErrorCategory ToErrorCategory(VpcCniErrorCategory category) => category switch
    {
        VpcCniErrorCategory.InvalidArgument => ErrorCategory.InvalidArgument,
        VpcCniErrorCategory.InvalidConfiguration => ErrorCategory.InvalidData,
        VpcCniErrorCategory.NotFound => ErrorCategory.ObjectNotFound,
        VpcCniErrorCategory.AlreadyExists => ErrorCategory.ResourceExists,
        VpcCniErrorCategory.LimitExceeded => ErrorCategory.QuotaExceeded,
        VpcCniErrorCategory.ResourceUnavailable => ErrorCategory.ResourceUnavailable,
        VpcCniErrorCategory.PermissionDenied => ErrorCategory.PermissionDenied,
        VpcCniErrorCategory.Timeout => ErrorCategory.OperationTimeout,
        VpcCniErrorCategory.Conflict => ErrorCategory.ResourceBusy,
        _ => ErrorCategory.NotSpecified,
    };

    /// <summary>
    /// A missing object (an unknown instance type among several) fails only that item; anything else
    /// is a bad invocation and stops the command.
    /// </summary>
    public static bool IsPerItem(VpcCniException exception) => exception.Category == VpcCniErrorCategory.NotFound;
}
