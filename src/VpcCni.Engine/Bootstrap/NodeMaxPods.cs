using VpcCni.Engine.Capacity;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Limits;

namespace VpcCni.Engine.Bootstrap;

/// <summary>
/// The kubelet <c>--max-pods</c> for an installed node: the engine's max-pods calculator (upstream's
/// <c>max-pods-calculator.sh</c>) for the instance type, in the mode the environment file asks for
/// (<c>ENABLE_PREFIX_DELEGATION</c>, <c>AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG</c>, parsed as the service parses them).
/// </summary>
public static class NodeMaxPods
{
    /// <summary>The calculation for <paramref name="instanceType"/> (or already resolved <paramref name="limits"/>) under the file's settings.</summary>
    public static MaxPodsResult Calculate(string envFileText, string? instanceType, InstanceTypeLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(envFileText);
        var env = NodeEnvFile.Read(envFileText);
        return MaxPodsCalculator.Default.Calculate(new MaxPodsRequest
        {
            InstanceType = instanceType ?? limits?.InstanceType,
            ResolvedLimits = limits,
            PrefixDelegation = Flag(env, VpcCniVariableNames.EnablePrefixDelegation),
            CustomNetworking = Flag(env, VpcCniVariableNames.CustomNetworkConfig),
        });
    }

    private static bool Flag(IReadOnlyDictionary<string, string?> env, string name) =>
        env.TryGetValue(name, out var text) && text is not null && GoValueParser.TryParseBool(text, out var value) && value;
}
