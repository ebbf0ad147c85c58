namespace VpcCni.Engine.Errors;

/// <summary>
/// The broad kind of an engine failure. Each edge maps it once: the module to an
/// <c>ErrorCategory</c>, the node service to a gRPC status, the plugin to a CNI error code.
/// </summary>
public enum VpcCniErrorCategory
{
    /// <summary>A caller passed a value outside its accepted range or format.</summary>
    InvalidArgument,

    /// <summary>A configuration variable or key holds a value the engine refuses.</summary>
    InvalidConfiguration,

    /// <summary>The named object (instance type, ENI, pod, link…) does not exist.</summary>
    NotFound,

    /// <summary>The object to create already exists.</summary>
    AlreadyExists,

    /// <summary>An EC2 or instance limit (ENIs, addresses, subnet space) would be exceeded.</summary>
    LimitExceeded,

    /// <summary>A dependency (EC2, IMDS, the kernel, a file) is temporarily unavailable; try again later.</summary>
    ResourceUnavailable,

    /// <summary>The caller lacks a permission (IAM, file mode, capability).</summary>
    PermissionDenied,

    /// <summary>An operation did not finish in time.</summary>
    Timeout,

    /// <summary>The request conflicts with the current state.</summary>
    Conflict,

    /// <summary>A defect or an unexpected condition.</summary>
    Internal,
}
