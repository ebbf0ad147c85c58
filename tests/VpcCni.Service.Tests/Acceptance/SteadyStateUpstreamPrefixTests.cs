using VpcCni.Service.Tests.Support;

namespace VpcCni.Service.Tests.Acceptance;

/// <summary>
/// Upstream's warm-target integration list with prefix delegation (upstream
/// <c>test/integration/ipamd/warm_target_test_PD_enabled.go</c>), on the m5.xlarge of
/// <see cref="SteadyStateUpstreamTests"/> (14 prefixes per ENI): a fresh node with no pods settles with
/// one AssignPrivateIpAddresses and nothing else.
/// </summary>
public sealed class SteadyStateUpstreamPrefixTests
{
    /// <summary>
    /// With prefix delegation every IP target up to 16 addresses is one /28, asked for in one call; WARM_PREFIX_TARGET=2
    /// asks for both prefixes at once (upstream <c>getPrefixesNeeded</c>), and IP targets override the prefix target.
    /// </summary>
    [Theory]
    [InlineData(2, -1, -1, 1)]
    [InlineData(16, -1, -1, 1)]
    [InlineData(-1, 2, -1, 1)]
    [InlineData(-1, 16, -1, 1)]
    [InlineData(6, 10, -1, 1)]
    [InlineData(-1, -1, 2, 2)]
    [InlineData(2, -1, 1, 1)]
    [InlineData(16, -1, 0, 1)]
    [InlineData(-1, 2, 2, 1)]
    public async Task PrefixModeSettles(int warmIp, int minIp, int warmPrefix, int prefixes)
    {
        await using var node = await AcceptanceNode.StartAsync("m5.xlarge", AcceptanceNode.Settings(
            58, true, ("WARM_IP_TARGET", warmIp), ("MINIMUM_IP_TARGET", minIp), ("WARM_PREFIX_TARGET", warmPrefix)));

        await node.SettlesAtAsync([prefixes], Ec2Calls.Of(assign: 1), "fresh node");
    }
}
