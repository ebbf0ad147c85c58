using System.Net;

namespace VpcCni.Engine.Linux.Wiring;

/// <summary>
/// Node-wide host setup (docs/dataplane.md, rules table): rules 1024 fwmark and 1535 external service
/// CIDRs, the local-table move, and the kernel settings upstream's init container makes
/// (<c>cmd/aws-vpc-cni-init/main.go</c>): loose reverse-path filtering on the primary interface, and
/// TCP early demux off when asked.
/// </summary>
/// <param name="NodePortSupport"><c>AWS_VPC_CNI_NODE_PORT_SUPPORT</c>.</param>
/// <param name="ExternalSnat"><c>AWS_VPC_K8S_CNI_EXTERNALSNAT</c>.</param>
/// <param name="ExternalServiceCidrs"><c>AWS_EXTERNAL_SERVICE_CIDRS</c>.</param>
/// <param name="SgpStrict">SGP on in strict mode: <c>lookup local</c> moves from priority 0 to 20.</param>
/// <param name="ConnmarkMask">The connmark bit (<c>AWS_VPC_K8S_CNI_CONNMARK</c>), 0x80.</param>
/// <param name="PrimaryInterface">The primary ENI's link, which gets <c>rp_filter</c> 2.</param>
/// <param name="DisableTcpEarlyDemux"><c>DISABLE_TCP_EARLY_DEMUX</c>: sets <c>net.ipv4.tcp_early_demux</c> to 0; false leaves it alone.</param>
public sealed record HostRulesSpec(
    bool NodePortSupport = true,
    bool ExternalSnat = false,
    IReadOnlyList<IPNetwork>? ExternalServiceCidrs = null,
    bool SgpStrict = false,
    uint ConnmarkMask = 0x80,
    string PrimaryInterface = "eth0",
    bool DisableTcpEarlyDemux = false)
{
    public const int FwmarkRulePriority = 1024;
    public const int ExternalServiceRulePriority = 1535;
    public const int LocalRulePriorityStrict = 20;

    /// <summary>Rule 1024 is present when NodePort support is on or external SNAT is off.</summary>
    public bool WantsFwmarkRule => NodePortSupport || !ExternalSnat;
}
