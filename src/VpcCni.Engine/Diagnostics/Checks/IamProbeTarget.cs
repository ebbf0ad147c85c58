namespace VpcCni.Engine.Diagnostics.Checks;

/// <summary>The real ids the probes name (EC2 validates ids before it evaluates IAM): the instance, its primary ENI, that ENI's attachment, subnet and groups.</summary>
internal sealed record IamProbeTarget(string InstanceId, string EniId, string AttachmentId, string SubnetId, IReadOnlyList<string> SecurityGroupIds);
