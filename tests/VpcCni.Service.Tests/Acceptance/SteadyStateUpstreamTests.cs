using VpcCni.Service.Tests.Support;

namespace VpcCni.Service.Tests.Acceptance;

/// <summary>
/// Upstream's warm-target integration list for secondary IPs (upstream <c>test/integration/ipamd/warm_target_test.go</c>;
/// <see cref="SteadyStateUpstreamPrefixTests"/> has the prefix-delegation half): a fresh node with no pods reaches the steady state each setting
/// asks for, stays there, and gets there with the fewest EC2 calls. Upstream ran them on large instances;
/// here an m5.xlarge (4 ENIs × 15 IPv4, so 14 secondary IPs per ENI, 58 pods).
/// </summary>
public sealed class SteadyStateUpstreamTests
{
    private const string InstanceType = "m5.xlarge";

    /// <summary>
    /// WARM_ENI_TARGET fills whole ENIs (14 addresses each, one AssignPrivateIpAddresses on the primary, each
    /// further ENI created with its 14); IP targets ask for exactly the shortage, so 16 is the primary's 14 plus
    /// a second ENI created with 2. A value of -1 leaves the variable unset.
    /// </summary>
    [Theory]
    [InlineData(3, 2, -1, -1, new[] { 14, 14 }, 1)]        // MAX_ENI=2 caps WARM_ENI_TARGET=3
    [InlineData(3, -1, -1, -1, new[] { 14, 14, 14 }, 2)]
    [InlineData(2, -1, -1, -1, new[] { 14, 14 }, 1)]
    [InlineData(-1, -1, 2, -1, new[] { 2 }, 0)]
    [InlineData(-1, -1, 16, -1, new[] { 14, 2 }, 1)]
    [InlineData(-1, -1, -1, 2, new[] { 2 }, 0)]
    [InlineData(-1, -1, -1, 16, new[] { 14, 2 }, 1)]
    [InlineData(-1, -1, 6, 10, new[] { 10 }, 0)]
    public async Task SecondaryIpModeSettles(int warmEni, int maxEni, int warmIp, int minIp, int[] cidrsPerEni, int created)
    {
        await using var node = await AcceptanceNode.StartAsync(InstanceType, AcceptanceNode.Settings(
            58, false, ("WARM_ENI_TARGET", warmEni), ("MAX_ENI", maxEni), ("WARM_IP_TARGET", warmIp), ("MINIMUM_IP_TARGET", minIp)));

        await node.SettlesAtAsync(cidrsPerEni, Ec2Calls.Of(assign: 1, created), "fresh node");
    }
}
