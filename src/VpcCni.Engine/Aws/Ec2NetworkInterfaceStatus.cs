namespace VpcCni.Engine.Aws;

/// <summary>EC2 <c>NetworkInterfaceStatus</c> (wire spec §3.2).</summary>
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
