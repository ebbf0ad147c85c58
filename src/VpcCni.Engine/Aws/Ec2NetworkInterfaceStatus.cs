namespace VpcCni.Engine.Aws;

/// <summary>EC2 <c>NetworkInterfaceStatus</c> (EC2 API reference, data type NetworkInterface).</summary>
public enum Ec2NetworkInterfaceStatus
{
    /// <summary>A value this engine version does not know.</summary>
    Unknown,
    Available,
    Associated,
    Attaching,
    InUse,
    Detaching,
}
