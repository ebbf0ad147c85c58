using System.Net;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Aws;

/// <summary>
/// AWS error codes the engine branches on (EC2 API reference "Error codes"), and the
/// one place that maps an AWS code plus HTTP status to a <see cref="VpcCniErrorCategory"/>.
/// </summary>
public static class Ec2ErrorCodes
{
    public const string InsufficientCidrBlocks = "InsufficientCidrBlocks";
    public const string InsufficientFreeAddressesInSubnet = "InsufficientFreeAddressesInSubnet";
    public const string PrivateIpAddressLimitExceeded = "PrivateIpAddressLimitExceeded";
    public const string AttachmentLimitExceeded = "AttachmentLimitExceeded";
    public const string NetworkInterfaceLimitExceeded = "NetworkInterfaceLimitExceeded";
    public const string TagLimitExceeded = "TagLimitExceeded";
    public const string SecurityGroupsPerInterfaceLimitExceeded = "SecurityGroupsPerInterfaceLimitExceeded";
    public const string IpAddressLimitExceeded = "InvalidInterface.IpAddressLimitExceeded";
    public const string NetworkInterfaceNotFound = "InvalidNetworkInterfaceID.NotFound";
    public const string AttachmentNotFound = "InvalidAttachmentID.NotFound";
    public const string InstanceNotFound = "InvalidInstanceID.NotFound";
    public const string SubnetNotFound = "InvalidSubnetID.NotFound";
    public const string GroupNotFound = "InvalidGroup.NotFound";
    public const string InvalidInstanceType = "InvalidInstanceType";
    public const string NetworkInterfaceInUse = "InvalidNetworkInterface.InUse";
    public const string OperationNotPermitted = "OperationNotPermitted";
    public const string IdempotentParameterMismatch = "IdempotentParameterMismatch";
    public const string InvalidParameterValue = "InvalidParameterValue";
    public const string InvalidParameterCombination = "InvalidParameterCombination";
    public const string MissingParameter = "MissingParameter";
    public const string UnauthorizedOperation = "UnauthorizedOperation";
    public const string AuthFailure = "AuthFailure";
    public const string DryRunOperation = "DryRunOperation";
    public const string RequestLimitExceeded = "RequestLimitExceeded";
    public const string InternalError = "InternalError";
    public const string Unavailable = "Unavailable";

    private static readonly HashSet<string> LimitCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        InsufficientCidrBlocks, InsufficientFreeAddressesInSubnet, PrivateIpAddressLimitExceeded,
        AttachmentLimitExceeded, NetworkInterfaceLimitExceeded, TagLimitExceeded,
        SecurityGroupsPerInterfaceLimitExceeded, IpAddressLimitExceeded,
    };

    private static readonly HashSet<string> PermissionCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        UnauthorizedOperation, AuthFailure, "OptInRequired", "Blocked", "PendingVerification",
    };

    private static readonly HashSet<string> ConflictCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        NetworkInterfaceInUse, OperationNotPermitted, IdempotentParameterMismatch, "IncorrectState",
        "Resource.AlreadyAssigned",
    };

    /// <summary>
    /// The throttling codes the SDK's retry policy recognises (AWS SDKs and Tools reference guide, "Retry behavior"). They surface only
    /// after the SDK's own retries are exhausted.
    /// </summary>
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        RequestLimitExceeded, "Throttling", "ThrottlingException", "RequestThrottled", "RequestThrottledException",
        "TooManyRequestsException", "BandwidthLimitExceeded", "LimitExceededException", "SlowDown",
    };

    /// <summary>Whether a code is a throttling code.</summary>
    public static bool IsThrottling(string? code) => code is not null && ThrottlingCodes.Contains(code);

    /// <summary>
    /// Maps an AWS error code and HTTP status to the engine's category. Codes win over statuses;
    /// a missing code (no response from EC2) is a dependency outage.
    /// </summary>
    public static VpcCniErrorCategory Categorize(string? code, HttpStatusCode? status)
    {
        if (string.IsNullOrEmpty(code))
        {
            return VpcCniErrorCategory.ResourceUnavailable;
        }

        if (IsThrottling(code))
        {
            return VpcCniErrorCategory.ResourceUnavailable;
        }

        if (code.EndsWith(".NotFound", StringComparison.OrdinalIgnoreCase) ||
            string.Equals(code, InvalidInstanceType, StringComparison.OrdinalIgnoreCase))
        {
            return VpcCniErrorCategory.NotFound;
        }

        if (LimitCodes.Contains(code))
        {
            return VpcCniErrorCategory.LimitExceeded;
        }

        if (PermissionCodes.Contains(code))
        {
            return VpcCniErrorCategory.PermissionDenied;
        }

        if (ConflictCodes.Contains(code))
        {
            return VpcCniErrorCategory.Conflict;
        }

        if (string.Equals(code, "RequestTimeout", StringComparison.OrdinalIgnoreCase) ||
            string.Equals(code, "RequestTimeoutException", StringComparison.OrdinalIgnoreCase))
        {
            return VpcCniErrorCategory.Timeout;
        }

        var statusCode = status is null ? 0 : (int)status.Value;
        return statusCode >= 500
            ? VpcCniErrorCategory.ResourceUnavailable
            : VpcCniErrorCategory.InvalidArgument;
    }
}
