namespace VpcCni.Service.CommandLine;

/// <summary>What <c>vpc-cni-node run</c> was asked to do.</summary>
/// <param name="ConfigPath">The environment file (<c>--config</c>); a missing file contributes no values.</param>
/// <param name="ConfigPollInterval">How often the file is checked for changes; null checks only on SIGHUP.</param>
/// <param name="Simulate">True with <c>--simulate</c>: EC2 and IMDS are an in-process simulator.</param>
/// <param name="ScenarioPath">The simulator scenario file, or null for the default world.</param>
/// <param name="HostArguments">Tokens the command line does not know (<c>--IpamSocket:Path=…</c>), handed to the host's configuration.</param>
public sealed record RunArguments(
    string ConfigPath,
    TimeSpan? ConfigPollInterval,
    bool Simulate,
    string? ScenarioPath,
    IReadOnlyList<string> HostArguments);
