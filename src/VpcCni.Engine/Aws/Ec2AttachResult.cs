namespace VpcCni.Engine.Aws;

/// <summary>The answer to AttachNetworkInterface.</summary>
/// <param name="AttachmentId">The new attachment (<c>eni-attach-…</c>), needed to detach or to set DeleteOnTermination.</param>
/// <param name="NetworkCardIndex">The card the ENI was attached to.</param>
public sealed record Ec2AttachResult(string AttachmentId, int NetworkCardIndex);
