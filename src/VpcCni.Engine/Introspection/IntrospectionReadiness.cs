namespace VpcCni.Engine.Introspection;

/// <summary>The answer of <c>/readyz</c>: ready when the pool has an address a pod could get now.</summary>
/// <param name="IsReady">True on <c>200</c>.</param>
/// <param name="Reason">The body: <c>ok</c>, or why the node is not ready.</param>
public sealed record IntrospectionReadiness(bool IsReady, string Reason);
