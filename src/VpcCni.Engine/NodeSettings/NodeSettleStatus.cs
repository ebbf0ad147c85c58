using VpcCni.Engine.Introspection;

namespace VpcCni.Engine.NodeSettings;

/// <summary>One look at a node after its env file changed (<see cref="NodeSettlement"/>).</summary>
/// <param name="IsSettled">True when the node reports the new values and its pool needs no further step.</param>
/// <param name="Reason">What is still pending, or the steady state in words.</param>
/// <param name="Pools">The warm pool of every card at that moment (empty until the node reports the new values).</param>
public sealed record NodeSettleStatus(bool IsSettled, string Reason, IReadOnlyList<WarmPoolForecast> Pools);
