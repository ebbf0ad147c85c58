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
        new(exception, exception.ErrorId, ToErrorCategory(exception.Category), target);

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
