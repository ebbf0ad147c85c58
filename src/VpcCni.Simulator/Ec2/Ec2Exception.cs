namespace VpcCni.Simulator.Ec2;

/// <summary>An EC2 error answer: code, message and HTTP status (AWS docs, "Error codes for the Amazon EC2 API").</summary>
internal sealed class Ec2Exception : Exception
{
    public Ec2Exception(string code, string message, int? httpStatus = null)
        : base(message)
    {
        Code = code;
        HttpStatus = httpStatus ?? Ec2ErrorCodes.StatusFor(code);
    }

    public Ec2Exception()
        : this("InternalError", "An internal error has occurred")
    {
    }

    public Ec2Exception(string message)
        : this("InternalError", message)
    {
    }

    public Ec2Exception(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "InternalError";
        HttpStatus = 500;
    }

    public string Code { get; }

    public int HttpStatus { get; }

    public static Ec2Exception Missing(string parameter) =>
        new("MissingParameter", $"The request must contain the parameter {parameter}");

    public static Ec2Exception EniNotFound(string id) =>
        new("InvalidNetworkInterfaceID.NotFound", $"The networkInterface ID '{id}' does not exist");

    public static Ec2Exception InstanceNotFound(string id) =>
        new("InvalidInstanceID.NotFound", $"The instance ID '{id}' does not exist");

    public static Ec2Exception SubnetNotFound(string id) =>
        new("InvalidSubnetID.NotFound", $"The subnet ID '{id}' does not exist");

    public static Ec2Exception GroupNotFound(string id) =>
        new("InvalidGroup.NotFound", $"The security group '{id}' does not exist");

    /// <summary>An explicit private address another interface holds (AWS docs, "Error codes for the Amazon EC2 API").</summary>
    public static Ec2Exception AddressInUse(string address) =>
        new("InvalidIPAddress.InUse", $"Address {address} is in use.");

    public static Ec2Exception Invalid(string message) => new("InvalidParameterValue", message);
}
