using System.Net;

namespace VpcCni.Engine.Linux.Wiring;

/// <summary>
/// The host rules of one pod address (docs/dataplane.md, rules table): 512 <c>to &lt;PodIp&gt; lookup main</c>,
/// and 1536 <c>from &lt;PodIp&gt; lookup &lt;RouteTable&gt;</c> unless the pod is on the primary ENI.
/// </summary>
/// <param name="PodIp">The pod's IPv4 address.</param>
/// <param name="RouteTable">The table of the pod's ENI: 254 (main) for the primary ENI, d + 1 for device d.</param>
public sealed record PodHostRules(IPAddress PodIp, int RouteTable);
