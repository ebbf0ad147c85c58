namespace VpcCni.Simulator.Ec2;

/// <summary>HTTP status and default message of each EC2 error code the simulator answers (AWS docs, "Error codes for the Amazon EC2 API").</summary>
internal static class Ec2ErrorCodes
{
    public static int StatusFor(string code) => code switch
    {
        "AuthFailure" => 401,
        "SignatureDoesNotMatch" or "MissingAuthenticationToken" => 403,
        "UnauthorizedOperation" => 403,
        "DryRunOperation" => 412,
        "InternalError" or "InternalFailure" or "ServerInternal" => 500,
        "RequestLimitExceeded" or "Unavailable" or "ServiceUnavailable" => 503,
        _ => 400,
    };

    public static string DefaultMessage(string code) => code switch
    {
        "AuthFailure" => "AWS was not able to validate the provided access credentials",
        "SignatureDoesNotMatch" => "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.",
        "MissingAuthenticationToken" => "The request must contain either a valid (registered) AWS access key ID or X.509 certificate.",
        "RequestExpired" => "Request has expired.",
        "UnauthorizedOperation" => "You are not authorized to perform this operation.",
        "DryRunOperation" => "Request would have succeeded, but DryRun flag is set.",
        "InternalError" or "InternalFailure" or "ServerInternal" => "An internal error has occurred",
        "RequestLimitExceeded" => "Request limit exceeded.",
        "Unavailable" or "ServiceUnavailable" => "The server is overloaded and can't handle the request.",
        "InsufficientFreeAddressesInSubnet" => "The specified subnet does not have enough free addresses to satisfy the request.",
        "InsufficientCidrBlocks" => "The specified subnet does not have enough free cidr blocks to satisfy the request.",
        "PrivateIpAddressLimitExceeded" => "Number of private addresses will exceed limit.",
        "InvalidParameterValue" => "There aren't sufficient free Ipv4 addresses or prefixes",
        _ => $"Injected {code}.",
    };
}
