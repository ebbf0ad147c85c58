namespace VpcCni.Engine.Aws;

/// <summary>The outcome of a dry run: whether the credentials may perform the action.</summary>
/// <param name="Action">The probed action.</param>
/// <param name="Allowed">True on <c>DryRunOperation</c>, false on <c>UnauthorizedOperation</c>.</param>
/// <param name="Message">EC2's message (for a denial it may carry an encoded authorization message).</param>
/// <param name="RequestId">EC2's request id.</param>
public sealed record Ec2DryRunResult(Ec2Action Action, bool Allowed, string Message, string? RequestId);
