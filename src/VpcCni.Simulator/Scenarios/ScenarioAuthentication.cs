namespace VpcCni.Simulator.Scenarios;

/// <summary>
/// Optional request authentication. When set, every EC2 request must carry <c>Version</c> and a
/// valid Signature Version 4 <c>Authorization</c> header for one of <see cref="Credentials"/>
/// (AWS General Reference, "Signature Version 4 signing process"). Absent (the default), the
/// endpoint is open, as demos want.
/// </summary>
public sealed class ScenarioAuthentication
{
    public List<ScenarioCredential> Credentials { get; set; } = [];

    /// <summary>How far <c>X-Amz-Date</c> may be from the simulator's clock before RequestExpired; SigV4 allows 5 minutes.</summary>
    public int MaxClockSkewSeconds { get; set; } = 300;
}
