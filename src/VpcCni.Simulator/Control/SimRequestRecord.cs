namespace VpcCni.Simulator.Control;

/// <summary>
/// One EC2 request as the simulator answered it. <see cref="InvocationId"/> and <see cref="Attempt"/>
/// come from the SDK's <c>amz-sdk-invocation-id</c> / <c>amz-sdk-request: attempt=N</c> headers, so a
/// test can see the SDK's own retries of one call.
/// </summary>
public sealed record SimRequestRecord(DateTimeOffset Time, string Action, int HttpStatus, string? ErrorCode, string? InvocationId, int? Attempt, string RequestId);
