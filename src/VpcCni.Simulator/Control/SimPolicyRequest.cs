namespace VpcCni.Simulator.Control;

/// <summary>Body of <c>POST /_sim/iam</c>: the allowed actions, or null to allow all.</summary>
internal sealed class SimPolicyRequest
{
    public List<string>? AllowedActions { get; set; }
}
