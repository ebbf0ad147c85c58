namespace VpcCni.Engine.Ipam.Planning;

/// <summary>One change to the pool the executor should make, with the reason the planner chose it.</summary>
public abstract record PoolAction(string Reason);
