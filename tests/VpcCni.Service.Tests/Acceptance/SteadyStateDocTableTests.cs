using VpcCni.Service.Tests.Support;

namespace VpcCni.Service.Tests.Acceptance;

/// <summary>
/// The worked tables of upstream <c>docs/eni-and-ip-target.md</c> and <c>docs/prefix-and-ip-target.md</c>
/// (docs/ipam.md "Worked numbers"), on a fresh node of the table's instance type: a t3.small has 3 ENIs × 4 IPv4
/// (3 secondary IPs or 3 prefixes per ENI, 11 pods), a p3dn.24xlarge 15 ENIs × 50 (49 per ENI, 737 pods). The
/// pod counts of one setting are reached one after the other on the same node; see <see cref="SteadyStateWave"/>.
/// </summary>
public sealed class SteadyStateDocTableTests
{
    /// <summary>
    /// Secondary IPs. WARM_ENI_TARGET adds whole ENIs. With WARM_IP_TARGET=1 a pod that finds no address
    /// waits while the pool grows for it: one call at a time, upstream's tick gives 5 AssignPrivateIpAddresses
    /// (1 + 2 on the primary, then an ENI made with 1, then 2 on it); calls that wait together are served by one
    /// call each (docs/ipam.md, "Demand"), so 3 to 5. The ENIs and addresses it ends with are upstream's.
    /// With WARM_IP_TARGET=5 on the p3dn the number of AssignPrivateIpAddresses depends on how many pods a tick sees;
    /// the addresses it ends with do not.
    /// </summary>
    [Theory]
    [InlineData("t3.small", 11, 1, -1, -1, "pods=0 cidrs=3 unused=3 assign=1; pods=5 cidrs=3,3,3 unused=4 assign=1 created=2; pods=9 cidrs=3,3,3 unused=0 assign=1 created=2")]
    [InlineData("t3.small", 11, -1, 1, 1, "pods=0 cidrs=1 unused=1 assign=1; pods=5 cidrs=3,3 unused=1 assign=3..5 created=1")]
    [InlineData("t3.small", 11, -1, 2, 5, "pods=0 cidrs=3,2 unused=5 assign=1 created=1; pods=5 cidrs=3,3,1 unused=2 assign=2 created=2")]
    [InlineData("p3dn.24xlarge", 737, 1, -1, -1, "pods=3 cidrs=49,49 unused=95 assign=1 created=1; pods=95 cidrs=49,49,49 unused=52 assign=1 created=2")]
    [InlineData("p3dn.24xlarge", 737, -1, 5, 10,
        "pods=0 cidrs=10 unused=10 assign=1; pods=7 cidrs=12 unused=5 assign=2..3; pods=15 cidrs=20 unused=5 assign=3..11; pods=45 cidrs=49,1 unused=5 assign=4..40 created=1")]
    public async Task SecondaryIpTableRows(string instanceType, int maxPods, int warmEni, int warmIp, int minIp, string waves)
    {
        await using var node = await AcceptanceNode.StartAsync(instanceType, AcceptanceNode.Settings(
            maxPods, false, ("WARM_ENI_TARGET", warmEni), ("WARM_IP_TARGET", warmIp), ("MINIMUM_IP_TARGET", minIp)));

        await SteadyStateWave.RunAsync(node, waves);
    }

    /// <summary>
    /// Prefixes (a pod capacity of 110, as with prefix delegation). Two rows of upstream's table are wrong by its own code,
    /// and are written here as the code computes them: "WARM_IP_TARGET=7, MINIMUM_IP_TARGET=20, 0 pods → 1 prefix" needs
    /// ceil(20 / 16) = 2 prefixes (upstream <c>pkg/ipamd/ipamd.go</c> <c>datastoreTargetState</c>), asked for in one call;
    /// "p3dn.24xlarge, WARM_PREFIX_TARGET=1, 3 pods → 2 ENIs" is 1 ENI with 2 prefixes, because a pool that is short fills
    /// the primary ENI, which has room for 49 prefixes, before it attaches another (<c>tryAssignPrefixes</c> before <c>tryAllocateENI</c>).
    /// </summary>
    [Theory]
    [InlineData("t3.small", -1, -1, 1, "pods=0 cidrs=1 unused=16 assign=1; pods=5 cidrs=2 unused=27 assign=2; pods=16 cidrs=2 unused=16 assign=2; pods=17 cidrs=3 unused=31 assign=3")]
    [InlineData("t3.small", 7, 20, -1, "pods=0 cidrs=2 unused=32 assign=1")]
    [InlineData("p3dn.24xlarge", -1, -1, 1, "pods=3 cidrs=2 unused=29 assign=2")]
    public async Task PrefixTableRows(string instanceType, int warmIp, int minIp, int warmPrefix, string waves)
    {
        await using var node = await AcceptanceNode.StartAsync(instanceType, AcceptanceNode.Settings(
            110, true, ("WARM_IP_TARGET", warmIp), ("MINIMUM_IP_TARGET", minIp), ("WARM_PREFIX_TARGET", warmPrefix)));

        await SteadyStateWave.RunAsync(node, waves);
    }
}
