namespace VpcCni.Engine.Ipam.Planning;

/// <summary>Remove this ENI from the datastore, then detach and delete it.</summary>
public sealed record FreeEniAction(string EniId, string Reason) : PoolAction(Reason);
