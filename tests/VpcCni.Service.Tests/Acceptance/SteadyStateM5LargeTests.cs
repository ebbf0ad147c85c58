using VpcCni.Service.Tests.Support;

namespace VpcCni.Service.Tests.Acceptance;

/// <summary>
/// The m5.large cases of docs/ipam.md "Worked numbers" (3 ENIs × 10 IPv4: 9 secondary IPs or 9 prefixes per ENI,
/// 29 pods) on a fresh node, pods going up and back down; see <see cref="SteadyStateWave"/>. The node runs with
/// the short waits of <see cref="AcceptanceNode"/>: released addresses cool for 1 s, an ENI may go once 1 s old,
/// releases are at least 0.5 s apart.
/// </summary>
public sealed class SteadyStateM5LargeTests
{
    /// <summary>
    /// WARM_ENI_TARGET=1: 9 addresses on the primary; the first pod leaves fewer than 9 available, so a second full ENI
    /// comes; the tenth pod lands on it and a third comes. With all pods gone, nothing is freed while their addresses
    /// cool (17 available, below (1 + 1) × 9); then one empty ENI goes per tick until available is below 18 (upstream
    /// <c>pkg/ipamd/ipamd.go</c> <c>shouldRemoveExtraENIs</c>, <c>tryFreeENI</c>), and no address is released on its own.
    /// WARM_IP_TARGET=2: the primary fills up as pods come, in as many calls as ticks see shortages, and the eighth pod
    /// makes an ENI with the 1 address still missing.
    /// </summary>
    [Theory]
    [InlineData(1, -1, "pods=0 cidrs=9 assign=1; pods=1 cidrs=9,9 assign=1 created=1; pods=10 cidrs=9,9,9 assign=1 created=2; pods=0 cidrs=9 assign=1 created=2 freed=2")]
    [InlineData(-1, 2, "pods=0 cidrs=2 unused=2 assign=1; pods=8 cidrs=9,1 unused=2 assign=2..8 created=1")]
    public async Task SecondaryIps(int warmEni, int warmIp, string waves)
    {
        await using var node = await AcceptanceNode.StartAsync("m5.large", AcceptanceNode.Settings(29, false, ("WARM_ENI_TARGET", warmEni), ("WARM_IP_TARGET", warmIp)));

        await SteadyStateWave.RunAsync(node, waves);
    }

    /// <summary>
    /// WARM_PREFIX_TARGET=1: one free prefix is kept, so 16 pods make 2 and 17 make 3; with the pods gone the two
    /// surplus prefixes go back once their addresses have cooled. They go in one release when both cool within the
    /// same tick, or in two releases at least the decrease interval apart when the pods' addresses cool a tick apart.
    /// WARM_IP_TARGET=5: 12 pods leave 4 of 16 available, so a second prefix comes, and it stays because
    /// ceil((12 + 5) / 16) = 2 prefixes are needed (upstream <c>datastoreTargetState</c>).
    /// </summary>
    [Theory]
    [InlineData(1, -1, "pods=0 cidrs=1 assign=1; pods=16 cidrs=2 assign=2; pods=17 cidrs=3 assign=3; pods=0 cidrs=1 unused=16 assign=3 unassign=1..2")]
    [InlineData(-1, 5, "pods=0 cidrs=1 unused=16 assign=1; pods=12 cidrs=2 unused=20 assign=2")]
    public async Task Prefixes(int warmPrefix, int warmIp, string waves)
    {
        await using var node = await AcceptanceNode.StartAsync("m5.large", AcceptanceNode.Settings(110, true, ("WARM_PREFIX_TARGET", warmPrefix), ("WARM_IP_TARGET", warmIp)));

        await SteadyStateWave.RunAsync(node, waves);
    }
}
