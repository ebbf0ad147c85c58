namespace VpcCni.Engine.Tests.Introspection;

/// <summary>
/// Answers in the shapes upstream's ipamd and our node serve (upstream <c>pkg/ipamd/introspect.go</c>;
/// docs/service.md "Introspection"): a secondary-IP node with two ENIs and a prefix-delegation node.
/// </summary>
internal static class CannedNode
{
    /// <summary>The instant the tests read at: 10 s after 10.0.1.13 was released, so it is still cooling.</summary>
    public static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 10, TimeSpan.Zero);

    private const string Never = "0001-01-01T00:00:00Z";

    private static string Address(string ip, string? pod, string assigned = Never, string released = Never) =>
        $$"""
        "{{ip}}":{"Address":"{{ip}}","IPAMKey":{"networkName":"{{(pod is null ? "" : "aws-cni")}}","containerID":"","ifName":""},
          "IPAMMetadata":{{(pod is null ? "{}" : $$"""{"k8sPodNamespace":"default","k8sPodName":"{{pod}}","interfacesCount":1}""")}},
          "AssignedTime":"{{assigned}}","UnassignedTime":"{{released}}"}
        """;

    private static string Cidr(string cidr, bool prefix, params string[] addresses) =>
        $$"""
        "{{cidr}}":{"Cidr":{"IP":"{{cidr.Split('/')[0]}}","Mask":"{{(prefix ? "////8A==" : "/////w==")}}"},"IPAddresses":{ {{string.Join(",", addresses)}} },"IsPrefix":{{(prefix ? "true" : "false")}},"AddressFamily":"4"}
        """;

    private static string Eni(string id, int device, bool primary, string subnet, params string[] cidrs) =>
        $$"""
        "{{id}}":{"ID":"{{id}}","IsPrimary":{{(primary ? "true" : "false")}},"IsTrunk":false,"IsEFA":false,"DeviceNumber":{{device}},
          "AvailableIPv4Cidrs":{ {{string.Join(",", cidrs)}} },"IPv6Cidrs":{},"IsExcludedForPodIPs":false,"RouteTableID":{{(device == 0 ? 254 : device + 1)}},"SubnetID":"{{subnet}}"}
        """;

    /// <summary>Card 0: eni-a (primary) with 10.0.1.11 (default/web-1), 10.0.1.12 (free) and 10.0.1.13 (released at 00:00:00), eni-b with 10.0.2.5 free.</summary>
    public static readonly string SecondaryIpEnis = $$$"""
        {"0":{"TotalIPs":4,"AssignedIPs":1,"ENIs":{
          {{{Eni("eni-a", 0, true, "subnet-1",
              Cidr("10.0.1.11/32", false, Address("10.0.1.11", "web-1", "2026-01-01T00:00:01Z")),
              Cidr("10.0.1.12/32", false, Address("10.0.1.12", null)),
              Cidr("10.0.1.13/32", false, Address("10.0.1.13", null, "2025-12-31T23:00:00Z", "2026-01-01T00:00:00Z")))}}},
          {{{Eni("eni-b", 1, false, "subnet-2", Cidr("10.0.2.5/32", false))}}}
        } } }
        """;

    /// <summary>Card 0 in prefix mode: 10.0.3.16/28 with two pods, 10.0.3.32/28 empty.</summary>
    public static readonly string PrefixEnis = $$$"""
        {"0":{"TotalIPs":32,"AssignedIPs":2,"ENIs":{
          {{{Eni("eni-p", 0, true, "subnet-1",
              Cidr("10.0.3.32/28", true),
              Cidr("10.0.3.16/28", true, Address("10.0.3.16", "a", "2026-01-01T00:00:01Z"), Address("10.0.3.17", "b", "2026-01-01T00:00:02Z")))}}}
        } } }
        """;

    public const string Pods = """
        [{"PodNamespace":"default","PodName":"web-1","NetworkName":"aws-cni","ContainerID":"c1","IfName":"eth0","IPv4Addr":"10.0.1.11",
          "ENI":"eni-a","NetworkCard":0,"DeviceNumber":0,"RouteTableID":254,"AssignedTime":"2026-01-01T00:00:01Z"}]
        """;

    public const string IpamdSettings = """{"AWS_MANAGE_ENIS_NON_SCHEDULABLE":false,"AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG":false,"ENABLE_SUBNET_DISCOVERY":true,"WARM_ENI_TARGET":1,"WARM_IP_TARGET":5}""";

    public const string NetworkUtilsSettings = """{"AWS_VPC_K8S_CNI_CONNMARK":128,"AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS":["10.9.0.0/16"],"AWS_VPC_K8S_CNI_VETHPREFIX":"eni"}""";

    public const string Metrics = """
        # HELP awscni_eni_max The maximum number of ENIs that can be attached to the instance, accounting for unmanaged ENIs
        # TYPE awscni_eni_max gauge
        awscni_eni_max 3
        # HELP awscni_ip_max The maximum number of IP addresses that can be allocated to the instance
        # TYPE awscni_ip_max gauge
        awscni_ip_max 27
        """;

    /// <summary>A secondary-IP node on every path the client reads.</summary>
    public static Dictionary<string, (int, string)?> SecondaryIpNode() => new()
    {
        ["/v1/enis"] = (200, SecondaryIpEnis),
        ["/v1/pods"] = (200, Pods),
        ["/v1/ipamd-env-settings"] = (200, IpamdSettings),
        ["/v1/networkutils-env-settings"] = (200, NetworkUtilsSettings),
        ["/readyz"] = (503, "no address available\n"),
        ["/metrics"] = (200, Metrics),
    };
}
