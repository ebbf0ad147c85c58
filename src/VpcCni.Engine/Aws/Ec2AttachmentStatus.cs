namespace VpcCni.Engine.Aws;

/// <summary>EC2 <c>AttachmentStatus</c> of an ENI attachment (EC2 API reference, data type NetworkInterfaceAttachment).</summary>
public enum Ec2AttachmentStatus
{
    /// <summary>A value this engine version does not know.</summary>
    Unknown,
    Attaching,
    Attached,
    Detaching,
    Detached,
}
