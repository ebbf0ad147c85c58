namespace VpcCni.Simulator.Scenarios;

/// <summary>IMDS behaviour: how far it lags EC2 (docs/simulator.md, "IMDS") and whether IMDSv2 tokens are required.</summary>
public sealed class ScenarioImds
{
    /// <summary>After an attach, the MAC appears in <c>macs/</c> this much later.</summary>
    public int AttachLagMs { get; set; }

    /// <summary>Address, prefix and group changes (and a new ENI's secondaries) show this much later.</summary>
    public int IpLagMs { get; set; }

    /// <summary>After a detach completes, the MAC disappears this much later.</summary>
    public int DetachLagMs { get; set; }

    /// <summary>IMDSv2 "required": token-less GETs get 401. False allows IMDSv1 GETs.</summary>
    public bool TokenRequired { get; set; } = true;
}
