namespace VpcCni.Simulator.Scenarios;

/// <summary>
/// An injected fault for one action (or <c>*</c> for all): an error answered instead of the real
/// result with probability <see cref="Rate"/>, and/or added latency. <see cref="Count"/> limits how
/// many times it fires (null = sticky).
/// </summary>
public sealed class FaultRule
{
    public string Action { get; set; } = "*";

    /// <summary>EC2 error code to answer, e.g. <c>InternalError</c>; null for latency only.</summary>
    public string? ErrorCode { get; set; }

    /// <summary>Error message; a default per code when absent.</summary>
    public string? Message { get; set; }

    /// <summary>HTTP status; the code's usual status when absent (AWS docs, "Error codes for the Amazon EC2 API").</summary>
    public int? HttpStatus { get; set; }

    /// <summary>Probability 0..1 that a matching request gets the error.</summary>
    public double Rate { get; set; } = 1.0;

    public int LatencyMs { get; set; }

    public int? Count { get; set; }
}
