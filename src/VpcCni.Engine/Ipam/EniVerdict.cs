namespace VpcCni.Engine.Ipam;

/// <summary>Whether one ENI may be freed now, and if not, the first rule that keeps it.</summary>
public sealed record EniVerdict(string EniId, bool Deletable, string Reason);
