namespace VpcCni.Simulator.Scenarios;

/// <summary>An access key the simulator accepts when <see cref="ScenarioAuthentication"/> is on.</summary>
public sealed class ScenarioCredential
{
    public string AccessKeyId { get; set; } = string.Empty;

    public string SecretAccessKey { get; set; } = string.Empty;
}
