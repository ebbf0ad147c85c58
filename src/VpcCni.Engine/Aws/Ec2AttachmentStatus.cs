namespace VpcCni.Engine.Aws;

/// <summary>EC2 <c>AttachmentStatus</c> of an ENI attachment (wire spec §3.2).</summary>
public enum Ec2AttachmentStatus
{
    /// <summary>A value this engine version does not know.</summary>
    Unknown,
    Attaching,
    Attached,
    Detaching,
    Detached,
}
